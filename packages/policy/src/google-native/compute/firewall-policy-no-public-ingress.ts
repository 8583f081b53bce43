import type { ResourceValidationPolicy } from "@pulumi/policy";
import { DEFAULT_FIREWALL_POLICY_PUBLIC_PORTS, publicIngressProblems, type FirewallPolicyRuleLike } from "../../gcp/compute/firewall-policy-rules";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** google-native firewall policies whose `rules` are checked. */
export const FIREWALL_POLICY_TYPES: readonly string[] = ["v1", "beta", "alpha"].flatMap((v) =>
  ["FirewallPolicy", "NetworkFirewallPolicy", "RegionNetworkFirewallPolicy"].map((kind) => `google-native:compute/${v}:${kind}`),
);

/** Configuration of {@link googleNativeComputeFirewallPolicyNoPublicIngress}. */
export interface NativeFirewallPolicyConfig {
  /** TCP ports an ingress rule may admit from the internet. Default: 443. */
  allowedPorts?: number[];
}

/** The rules of google-native firewall policies admit the internet on HTTPS only (as the classic rule resources). */
export const googleNativeComputeFirewallPolicyNoPublicIngress = definePolicy<ResourceValidationPolicy>(
  {
    name: "google-native-compute-firewall-policy-no-public-ingress",
    description:
      "The rules of google-native FirewallPolicy, NetworkFirewallPolicy and RegionNetworkFirewallPolicy resources must not " +
      "allow INGRESS from 0.0.0.0/0, ::/0 or an unspecified source except TCP 443 (config allowedPorts): inbound HTTP is " +
      "unencrypted and other ports belong behind IAP or a private network.",
    configSchema: { properties: { allowedPorts: { type: "array", items: { type: "integer" }, default: [...DEFAULT_FIREWALL_POLICY_PUBLIC_PORTS] } } },
    validateResource: FIREWALL_POLICY_TYPES.map((token) =>
      validateTypeToken<{ rules?: (FirewallPolicyRuleLike & { priority?: number })[] }>(token, (policy, args, report) => {
        const allowed = args.getConfig<NativeFirewallPolicyConfig>().allowedPorts ?? DEFAULT_FIREWALL_POLICY_PUBLIC_PORTS;
        (policy.rules ?? []).forEach((rule, i) => {
          for (const problem of publicIngressProblems(rule, allowed)) {
            report(`rules[${i}] (priority ${rule.priority ?? "?"}) would ${problem}: narrow match.srcIpRanges, or serve HTTPS (443) only.`);
          }
        });
      }),
    ),
  },
  { vendor: "google-native", services: ["compute"], topics: ["network", "encryption"], frameworks: ["cis", "iso27001", "pcidss"], severity: "critical" },
);
