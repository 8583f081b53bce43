import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { isModernTlsPolicy } from "../../aws/lb/tls-policies";

interface NativeListener {
  protocol?: string;
  port?: number;
  sslPolicy?: string;
  defaultActions?: { type?: string; redirectConfig?: { protocol?: string } }[];
}

/** ELB security policies that negotiate TLS 1.2 or newer only (one list, shared with the classic provider's rule). */
export const isModernElbSslPolicy = isModernTlsPolicy;

const TLS_PROTOCOLS = new Set(["HTTPS", "TLS"]);

/** Whether every default action of an HTTP listener redirects to HTTPS. */
const redirectsToHttps = (listener: NativeListener) =>
  (listener.defaultActions ?? []).length > 0 &&
  (listener.defaultActions ?? []).every((a) => a.type === "redirect" && a.redirectConfig?.protocol === "HTTPS");

/** aws-native load balancer listeners serve TLS with a modern policy; HTTP only redirects. */
export const awsNativeElasticloadbalancingv2ListenerTls = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-elasticloadbalancingv2-listener-tls",
    description:
      "aws-native load balancer listeners must not serve plain HTTP (an HTTP listener may only redirect to HTTPS), and " +
      "HTTPS/TLS listeners must name an sslPolicy that allows TLS 1.2+ only (ELBSecurityPolicy-TLS13-1-2*, TLS13-1-3*, FS-1-2*, TLS-1-2*); " +
      "the default ELBSecurityPolicy-2016-08 accepts TLS 1.0 and 1.1.",
    validateResource: validateTypeToken<NativeListener>("aws-native:elasticloadbalancingv2:Listener", (listener, _args, report) => {
      const protocol = listener.protocol ?? "";
      if (protocol === "HTTP" && !redirectsToHttps(listener)) {
        report("The listener serves plain HTTP: make it HTTPS with a certificate, or make every default action a redirect with redirectConfig.protocol HTTPS.");
      }
      if (TLS_PROTOCOLS.has(protocol) && !(listener.sslPolicy && isModernElbSslPolicy(listener.sslPolicy))) {
        report(`sslPolicy is ${listener.sslPolicy ?? "unset"}: name a policy that allows TLS 1.2+ only, e.g. ELBSecurityPolicy-TLS13-1-2-2021-06.`);
      }
    }),
  },
  { vendor: "aws-native", services: ["elasticloadbalancingv2"], topics: ["encryption", "network"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
