/** Ports that may be open to the whole internet (on load balancers only, for AWS). */
export const DEFAULT_PUBLIC_PORTS: readonly number[] = [80, 443];

/** True for a CIDR that matches every address: `0.0.0.0/0`, `::/0` (any `/0`). */
export function isWorldCidr(cidr: string): boolean {
  const [, prefix] = cidr.trim().split("/");
  return prefix !== undefined && Number(prefix) === 0;
}

/** A port range and protocol as a security group or firewall rule states it. */
export interface PortRule {
  /** `tcp`, `udp`, `icmp`, `6`, `-1`, `all`, ... (case-insensitive). */
  protocol: string;
  /** First port; `undefined` with `toPort` for "all ports". */
  fromPort?: number;
  toPort?: number;
}

const TCP = new Set(["tcp", "6"]);
const ALL = new Set(["-1", "all"]);

/**
 * Whether a rule opens only ports from `allowed`: TCP, with a port range whose every port is in
 * `allowed` (`80`–`80` yes, `80`–`443` no, it also opens 81–442). All protocols (`-1`/`all`),
 * other protocols (UDP, ICMP) and missing ports mean more than the allowed ports.
 */
export function onlyAllowedPorts(rule: PortRule, allowed: readonly number[]): boolean {
  const protocol = rule.protocol.toLowerCase();
  if (ALL.has(protocol) || !TCP.has(protocol)) return false;
  const { fromPort, toPort } = rule;
  if (fromPort === undefined || toPort === undefined) return false;
  if (!Number.isInteger(fromPort) || !Number.isInteger(toPort) || fromPort > toPort || toPort - fromPort > 65535) return false;
  for (let port = fromPort; port <= toPort; port++) if (!allowed.includes(port)) return false;
  return true;
}

/** Human form of a rule's ports for messages: `tcp 22`, `tcp 0-65535`, `all traffic`. */
export function describePorts(rule: PortRule): string {
  const protocol = rule.protocol.toLowerCase();
  if (ALL.has(protocol)) return "all traffic";
  if (rule.fromPort === undefined || rule.toPort === undefined) return `${protocol} (all ports)`;
  return rule.fromPort === rule.toPort ? `${protocol} ${rule.fromPort}` : `${protocol} ${rule.fromPort}-${rule.toPort}`;
}

/** Parses GCP firewall ports (`"22"`, `"8000-8080"`) into ranges; `undefined` for none (all ports). */
export function parseGcpPorts(ports: readonly string[] | undefined): { fromPort: number; toPort: number }[] | undefined {
  if (!ports || ports.length === 0) return undefined;
  return ports.map((p) => {
    const [from, to] = p.split("-").map((x) => Number(x.trim()));
    return { fromPort: from ?? NaN, toPort: to ?? from ?? NaN };
  });
}
