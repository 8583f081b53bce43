import type * as gcp from "@pulumi/gcp";
import { validateTypeToken } from "../../lib/type-token";
import { type ResourceValidationPolicy } from "@pulumi/policy";
import { DEFAULT_PUBLIC_PORTS, describePorts, isWorldCidr, onlyAllowedPorts, parseGcpPorts, type PortRule } from "../../lib/network";
import { definePolicy } from "../../lib/registry";

/** Configuration of {@link gcpComputeNoPublicIngress}. */
export interface GcpPublicIngressConfig {
  /** TCP ports that may be open to the internet. Default: 80 and 443. */
  allowedPorts?: number[];
}

/**
 * No VPC firewall rule allows ingress from 0.0.0.0/0 or ::/0 except TCP 80/443. A rule with no
 * source ranges, tags or service accounts applies to every source (GCP's default 0.0.0.0/0).
 */
export const gcpComputeNoPublicIngress = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-compute-no-public-ingress",
    description:
      "VPC firewall rules must not allow INGRESS from 0.0.0.0/0 or ::/0 (or from no source at all, which means everywhere) " +
      "except TCP 80/443: SSH, databases and services are reached through private networks or IAP.",
    configSchema: { properties: { allowedPorts: { type: "array", items: { type: "integer" }, default: [...DEFAULT_PUBLIC_PORTS] } } },
    validateResource: validateTypeToken<gcp.compute.FirewallArgs>("gcp:compute/firewall:Firewall", (firewall, args, report) => {
      if ((firewall.direction ?? "INGRESS") !== "INGRESS" || firewall.disabled === true) return;
      const allowed = args.getConfig<GcpPublicIngressConfig>().allowedPorts ?? DEFAULT_PUBLIC_PORTS;
      const ranges = firewall.sourceRanges ?? [];
      const noSource = ranges.length === 0 && !(firewall.sourceTags ?? []).length && !(firewall.sourceServiceAccounts ?? []).length;
      const world = noSource ? ["0.0.0.0/0 (no source given)"] : ranges.filter(isWorldCidr);
      if (world.length === 0) return;
      for (const allow of firewall.allows ?? []) {
        const ranges = parseGcpPorts(allow.ports);
        const rules: PortRule[] = ranges ? ranges.map((r) => ({ protocol: allow.protocol, ...r })) : [{ protocol: allow.protocol }];
        for (const rule of rules) {
          if (!onlyAllowedPorts(rule, allowed)) report(`allows ${describePorts(rule)} from ${world.join(", ")}.`);
        }
      }
    }),
  },
  { vendor: "gcp", services: ["compute"], topics: ["network"], frameworks: ["cis", "iso27001", "pcidss"], severity: "critical" },
);
