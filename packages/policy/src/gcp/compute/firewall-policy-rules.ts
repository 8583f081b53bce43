import { describePorts, isWorldCidr, onlyAllowedPorts, parseGcpPorts, type PortRule } from "../../lib/network";

/** TCP ports a firewall policy rule may open to the internet by default: HTTPS only (plaintext HTTP is not). */
export const DEFAULT_FIREWALL_POLICY_PUBLIC_PORTS: readonly number[] = [443];

/**
 * A Cloud Firewall policy rule as the classic provider (`FirewallPolicyRule`,
 * `NetworkFirewallPolicyRule`, `RegionNetworkFirewallPolicyRule`) and google-native (the
 * `rules` of `FirewallPolicy` and `NetworkFirewallPolicy`) spell it: the same API object.
 */
export interface FirewallPolicyRuleLike {
  action?: string;
  direction?: string;
  disabled?: boolean;
  match?: {
    srcIpRanges?: string[];
    srcAddressGroups?: string[];
    srcFqdns?: string[];
    srcRegionCodes?: string[];
    srcThreatIntelligences?: string[];
    srcSecureTags?: unknown[];
    srcNetworks?: string[];
    srcNetworkScope?: string;
    layer4Configs?: { ipProtocol?: string; ports?: string[] }[];
  };
}

/** Actions that let matching traffic in (`apply_security_profile_group` admits it after L7 inspection). */
const ADMITTING_ACTIONS = new Set(["allow", "apply_security_profile_group"]);

const nonEmpty = (list: readonly unknown[] | undefined) => (list ?? []).length > 0;

/**
 * The internet sources a rule admits, for messages: its /0 `srcIpRanges`; the scope `INTERNET`
 * when no range narrows it; or, when the rule names no source at all, everything (GCP matches
 * every source then, as for VPC firewall rules).
 */
function worldSources(match: NonNullable<FirewallPolicyRuleLike["match"]>): string[] {
  const ranges = match.srcIpRanges ?? [];
  if (ranges.length > 0) return ranges.filter(isWorldCidr);
  if (match.srcNetworkScope === "INTERNET") return ["the internet (srcNetworkScope INTERNET)"];
  const named = [match.srcAddressGroups, match.srcFqdns, match.srcRegionCodes, match.srcThreatIntelligences, match.srcSecureTags, match.srcNetworks];
  if (named.some(nonEmpty) || match.srcNetworkScope !== undefined) return [];
  return ["0.0.0.0/0 (no source given)"];
}

/**
 * What an ingress rule opens to the internet beyond `allowed` TCP ports, one message per
 * layer-4 config and port range; `[]` for egress, deny, disabled or internal-only rules.
 */
export function publicIngressProblems(rule: FirewallPolicyRuleLike, allowed: readonly number[]): string[] {
  if (rule.disabled === true || !ADMITTING_ACTIONS.has(rule.action ?? "")) return [];
  if ((rule.direction ?? "INGRESS") !== "INGRESS" || !rule.match) return [];
  const world = worldSources(rule.match);
  if (world.length === 0) return [];
  const problems: string[] = [];
  for (const l4 of rule.match.layer4Configs ?? []) {
    const protocol = l4.ipProtocol ?? "all";
    const ranges = parseGcpPorts(l4.ports);
    const portRules: PortRule[] = ranges ? ranges.map((r) => ({ protocol, ...r })) : [{ protocol }];
    for (const portRule of portRules) {
      if (onlyAllowedPorts(portRule, allowed)) continue;
      const http = opensHttp(portRule) ? " (plaintext HTTP)" : "";
      problems.push(`${rule.action} ${describePorts(portRule)}${http} from ${world.join(", ")}`);
    }
  }
  return problems;
}

/** Whether a port rule includes TCP port 80. */
function opensHttp({ protocol, fromPort, toPort }: PortRule): boolean {
  const p = protocol.toLowerCase();
  if (p === "all" || p === "-1") return true;
  if (p !== "tcp" && p !== "6") return false;
  return fromPort === undefined || toPort === undefined || (fromPort <= 80 && 80 <= toPort);
}
