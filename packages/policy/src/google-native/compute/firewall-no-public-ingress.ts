import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { DEFAULT_PUBLIC_PORTS, describePorts, isWorldCidr, onlyAllowedPorts, parseGcpPorts, type PortRule } from "../../lib/network";
import { validateTypeToken } from "../../lib/type-token";

interface NativeFirewall {
  direction?: string;
  disabled?: boolean;
  sourceRanges?: string[];
  sourceTags?: string[];
  sourceServiceAccounts?: string[];
  allowed?: { ipProtocol?: string; ports?: string[] }[];
}

/** Configuration of {@link googleNativeComputeFirewallNoPublicIngress}. */
export interface NativeFirewallConfig {
  /** TCP ports that may be open to the internet. Default: 80 and 443. */
  allowedPorts?: number[];
}

export const FIREWALL_TYPES: readonly string[] = ["v1", "beta", "alpha"].map((v) => `google-native:compute/${v}:Firewall`);

/** google-native VPC firewall rules admit the internet on TCP 80/443 only (as the classic rule). */
export const googleNativeComputeFirewallNoPublicIngress = definePolicy<ResourceValidationPolicy>(
  {
    name: "google-native-compute-firewall-no-public-ingress",
    description:
      "google-native VPC firewall rules must not allow INGRESS from 0.0.0.0/0 or ::/0 (or from no source at all, which " +
      "means everywhere) except TCP 80/443 (config allowedPorts): SSH, databases and services go through IAP or private networks.",
    configSchema: { properties: { allowedPorts: { type: "array", items: { type: "integer" }, default: [...DEFAULT_PUBLIC_PORTS] } } },
    validateResource: FIREWALL_TYPES.map((token) =>
      validateTypeToken<NativeFirewall>(token, (firewall, args, report) => {
        if ((firewall.direction ?? "INGRESS") !== "INGRESS" || firewall.disabled === true) return;
        const allowed = args.getConfig<NativeFirewallConfig>().allowedPorts ?? DEFAULT_PUBLIC_PORTS;
        const ranges = firewall.sourceRanges ?? [];
        const noSource = ranges.length === 0 && !(firewall.sourceTags ?? []).length && !(firewall.sourceServiceAccounts ?? []).length;
        const world = noSource ? ["0.0.0.0/0 (no source given)"] : ranges.filter(isWorldCidr);
        if (world.length === 0) return;
        for (const allow of firewall.allowed ?? []) {
          const protocol = allow.ipProtocol ?? "all";
          const parsed = parseGcpPorts(allow.ports);
          const rules: PortRule[] = parsed ? parsed.map((r) => ({ protocol, ...r })) : [{ protocol }];
          for (const rule of rules) {
            if (!onlyAllowedPorts(rule, allowed)) report(`allows ${describePorts(rule)} from ${world.join(", ")}: narrow sourceRanges, or reach the service through IAP or a load balancer.`);
          }
        }
      }),
    ),
  },
  { vendor: "google-native", services: ["compute"], topics: ["network"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "critical" },
);
