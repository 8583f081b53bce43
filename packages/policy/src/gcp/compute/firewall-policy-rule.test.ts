import { describe, expect, it } from "@jest/globals";
import { res, runPolicy, unknown, violations } from "../../testing";
import { publicIngressProblems } from "./firewall-policy-rules";

const rule = (type: string, match: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  res(type, "rule", { action: "allow", direction: "INGRESS", priority: 1000, firewallPolicy: "fp", match, ...extra });
const HIERARCHICAL = "gcp:compute/firewallPolicyRule:FirewallPolicyRule";
const NETWORK = "gcp:compute/networkFirewallPolicyRule:NetworkFirewallPolicyRule";
const REGIONAL = "gcp:compute/regionNetworkFirewallPolicyRule:RegionNetworkFirewallPolicyRule";
const tcp = (...ports: string[]) => [{ ipProtocol: "tcp", ports }];

describe("gcp-compute-firewall-policy-rule-no-public-ingress", () => {
  const policy = "gcp-compute-firewall-policy-rule-no-public-ingress";

  it("passes HTTPS from anywhere, internal HTTP, deny rules, egress and disabled rules", async () => {
    const rules = [
      rule(HIERARCHICAL, { srcIpRanges: ["0.0.0.0/0"], layer4Configs: tcp("443") }),
      rule(NETWORK, { srcIpRanges: ["10.0.0.0/8"], layer4Configs: tcp("80") }),
      rule(REGIONAL, { srcIpRanges: ["0.0.0.0/0"], layer4Configs: [{ ipProtocol: "all" }] }, { action: "deny" }),
      rule(NETWORK, { destIpRanges: ["0.0.0.0/0"], layer4Configs: [{ ipProtocol: "all" }] }, { direction: "EGRESS" }),
      rule(HIERARCHICAL, { srcIpRanges: ["0.0.0.0/0"], layer4Configs: tcp("22") }, { disabled: true }),
      rule(NETWORK, { srcAddressGroups: ["partners"], layer4Configs: tcp("22") }),
    ].map((r, i) => ({ ...r, name: `r${i}`, urn: `${r.urn}${i}` }));
    expect(await violations(policy, rules)).toEqual([]);
  });

  it("flags inbound plaintext HTTP from the internet on each of the three rule types", async () => {
    for (const type of [HIERARCHICAL, NETWORK, REGIONAL]) {
      expect(await violations(policy, [rule(type, { srcIpRanges: ["0.0.0.0/0"], layer4Configs: tcp("80", "443") })])).toEqual([
        "The rule would allow tcp 80 (plaintext HTTP) from 0.0.0.0/0: narrow match.srcIpRanges to known ranges, or serve HTTPS (443) only.",
      ]);
    }
  });

  it("flags all ports, all protocols, the INTERNET scope and a rule without any source", async () => {
    expect(await violations(policy, [rule(NETWORK, { srcIpRanges: ["::/0"], layer4Configs: [{ ipProtocol: "tcp" }, { ipProtocol: "all" }] })])).toEqual([
      "The rule would allow tcp (all ports) (plaintext HTTP) from ::/0: narrow match.srcIpRanges to known ranges, or serve HTTPS (443) only.",
      "The rule would allow all traffic (plaintext HTTP) from ::/0: narrow match.srcIpRanges to known ranges, or serve HTTPS (443) only.",
    ]);
    expect(publicIngressProblems({ action: "allow", direction: "INGRESS", match: { srcNetworkScope: "INTERNET", layer4Configs: [{ ipProtocol: "tcp", ports: ["22"] }] } }, [443])).toEqual([
      "allow tcp 22 from the internet (srcNetworkScope INTERNET)",
    ]);
    expect(publicIngressProblems({ action: "apply_security_profile_group", direction: "INGRESS", match: { layer4Configs: [{ ipProtocol: "udp", ports: ["53"] }] } }, [443])).toEqual([
      "apply_security_profile_group udp 53 from 0.0.0.0/0 (no source given)",
    ]);
  });

  it("admits HTTP when allowedPorts lists 80", () => {
    const http = { action: "allow", direction: "INGRESS", match: { srcIpRanges: ["0.0.0.0/0"], layer4Configs: [{ ipProtocol: "tcp", ports: ["80"] }] } };
    expect(publicIngressProblems(http, [80, 443])).toEqual([]);
    expect(publicIngressProblems(http, [443])).toHaveLength(1);
  });

  it("reports a rule whose source ranges are unknown during preview as not evaluated, not as a violation", async () => {
    const result = await runPolicy(policy, [rule(NETWORK, { srcIpRanges: unknown, layer4Configs: tcp("80") })]);
    expect(result.violations).toEqual([]);
    expect(result.indeterminate.map((v) => v.policyName)).toEqual([policy]);
  });
});
