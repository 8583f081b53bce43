import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** Front-end protocols of a classic load balancer listener that carry TLS. */
const TLS_PROTOCOLS = new Set(["https", "ssl"]);

/** Classic load balancers (`aws.elb.LoadBalancer`) accept HTTPS or SSL only on every listener. */
export const awsElbLoadBalancerTls = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-elb-load-balancer-tls",
    description:
      'Classic load balancers (aws.elb.LoadBalancer) must accept only TLS: every listener\'s lbProtocol "https" or "ssl" with ' +
      "an sslCertificateId, never plain http or tcp.",
    validateResource: validateTypeToken<aws.elb.LoadBalancerArgs>("aws:elb/loadBalancer:LoadBalancer", (lb, _args, report) => {
      (lb.listeners ?? []).forEach((listener, i) => {
        const protocol = listener.lbProtocol.toLowerCase();
        if (!TLS_PROTOCOLS.has(protocol)) {
          report(`listeners[${i}] (port ${listener.lbPort}) accepts plain ${protocol}: set lbProtocol "https" (or "ssl") with an sslCertificateId.`);
        }
      });
    }),
  },
  { vendor: "aws", services: ["elb"], topics: ["network", "encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "critical" },
);
