import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/**
 * No Service sets `spec.externalIPs`: any user who can create a Service can claim any address
 * this way and intercept the cluster's traffic to it (CVE-2020-8554), and the address is served
 * on every node, outside the cloud load balancer's controls.
 */
export const kubernetesCoreServiceNoExternalIps = definePolicy<ResourceValidationPolicy>(
  {
    name: "kubernetes-core-service-no-external-ips",
    description:
      "Services must not set spec.externalIPs: every node then answers on those addresses outside the load balancer's " +
      "controls, and a Service can claim any IP to intercept the cluster's traffic to it (CVE-2020-8554).",
    validateResource: validateTypeToken<{ spec?: { externalIPs?: string[] } }>("kubernetes:core/v1:Service", (service, _args, report) => {
      const ips = service.spec?.externalIPs ?? [];
      if (ips.length > 0) {
        report(`spec.externalIPs is ${ips.join(", ")}: remove it and expose the Service through an internal LoadBalancer or the platform's ingress.`);
      }
    }),
  },
  { vendor: "kubernetes", services: ["core"], topics: ["network"], frameworks: ["cis"], severity: "high" },
);
