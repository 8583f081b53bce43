import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { DEFAULT_FIREWALL_POLICY_PUBLIC_PORTS, publicIngressProblems, type FirewallPolicyRuleLike } from "./firewall-policy-rules";

/** The classic provider's firewall policy rule resources (hierarchical, global network, regional network). */
export const FIREWALL_POLICY_RULE_TYPES: readonly string[] = [
  "gcp:compute/firewallPolicyRule:FirewallPolicyRule",
  "gcp:compute/networkFirewallPolicyRule:NetworkFirewallPolicyRule",
  "gcp:compute/regionNetworkFirewallPolicyRule:RegionNetworkFirewallPolicyRule",
];

/** Configuration of {@link gcpComputeFirewallPolicyRuleNoPublicIngress}. */
export interface FirewallPolicyPublicIngressConfig {
  /** TCP ports an ingress rule may admit from the internet. Default: 443. */
  allowedPorts?: number[];
}

/**
 * Cloud Firewall policy rules do not admit the internet except on HTTPS. Plaintext HTTP (80)
 * counts as a violation, as in the reference library's "disallow inbound HTTP traffic" rule;
 * a rule that allows 80 to redirect to HTTPS can opt in through `allowedPorts`.
 */
export const gcpComputeFirewallPolicyRuleNoPublicIngress = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-compute-firewall-policy-rule-no-public-ingress",
    description:
      "Firewall policy rules (FirewallPolicyRule, NetworkFirewallPolicyRule, RegionNetworkFirewallPolicyRule) must not allow " +
      "INGRESS from 0.0.0.0/0, ::/0, the INTERNET scope or an unspecified source except TCP 443 (config allowedPorts): " +
      "inbound HTTP is unencrypted, and other ports expose services that belong behind IAP or a private network.",
    configSchema: { properties: { allowedPorts: { type: "array", items: { type: "integer" }, default: [...DEFAULT_FIREWALL_POLICY_PUBLIC_PORTS] } } },
    validateResource: FIREWALL_POLICY_RULE_TYPES.map((token) =>
      validateTypeToken<FirewallPolicyRuleLike>(token, (rule, args, report) => {
        const allowed = args.getConfig<FirewallPolicyPublicIngressConfig>().allowedPorts ?? DEFAULT_FIREWALL_POLICY_PUBLIC_PORTS;
        for (const problem of publicIngressProblems(rule, allowed)) {
          report(`The rule would ${problem}: narrow match.srcIpRanges to known ranges, or serve HTTPS (443) only.`);
        }
      }),
    ),
  },
  { vendor: "gcp", services: ["compute"], topics: ["network", "encryption"], frameworks: ["cis", "iso27001", "pcidss"], severity: "critical" },
);
