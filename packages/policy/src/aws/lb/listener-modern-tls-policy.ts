import type * as aws from "@pulumi/aws";
import type { ReportViolation, ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { DEFAULT_ELB_TLS_POLICY, isModernTlsPolicy, RECOMMENDED_ELB_TLS_POLICY } from "./tls-policies";

function check(listener: { protocol?: string; sslPolicy?: string }, report: ReportViolation): void {
  if (listener.protocol !== "HTTPS" && listener.protocol !== "TLS") return;
  const policy = listener.sslPolicy;
  if (policy !== undefined && isModernTlsPolicy(policy)) return;
  const which = policy === undefined ? `sslPolicy is not set, so AWS applies ${DEFAULT_ELB_TLS_POLICY}` : `sslPolicy is ${policy}`;
  report(`${which}, which accepts TLS versions older than 1.2: set sslPolicy to ${RECOMMENDED_ELB_TLS_POLICY} (or another TLS 1.2+ policy).`);
}

/**
 * HTTPS and TLS listeners (`aws.lb.Listener`, `aws.alb.Listener`) negotiate TLS 1.2 or newer:
 * `sslPolicy` is one of the TLS13, FS-1-2 or TLS-1-2 security policies. Unset means AWS's
 * default ELBSecurityPolicy-2016-08, which still accepts TLS 1.0.
 */
export const awsLbListenerModernTlsPolicy = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-lb-listener-modern-tls-policy",
    description:
      "HTTPS and TLS load balancer listeners must use a TLS 1.2+ security policy (sslPolicy ELBSecurityPolicy-TLS13-*, " +
      "-FS-1-2-* or -TLS-1-2-*; unset means ELBSecurityPolicy-2016-08, which accepts TLS 1.0 and 1.1 and weak ciphers).",
    validateResource: [
      validateTypeToken<aws.lb.ListenerArgs>("aws:lb/listener:Listener", (listener, _args, report) => check(listener, report)),
      validateTypeToken<aws.alb.ListenerArgs>("aws:alb/listener:Listener", (listener, _args, report) => check(listener, report)),
    ],
  },
  { vendor: "aws", services: ["lb", "alb"], topics: ["encryption", "network"], frameworks: ["iso27001", "pcidss"], severity: "high" },
);
