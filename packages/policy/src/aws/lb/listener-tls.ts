import type * as aws from "@pulumi/aws";
import type { ReportViolation, ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

type Listener = { protocol?: string; port?: number; defaultActions?: { type?: string; redirect?: { protocol?: string } }[] };

/** True when every default action redirects to HTTPS (the usual port-80 listener). */
const redirectsToHttps = (listener: Listener): boolean => {
  const actions = listener.defaultActions ?? [];
  return actions.length > 0 && actions.every((a) => a.type === "redirect" && a.redirect?.protocol === "HTTPS");
};

function check(listener: Listener, report: ReportViolation): void {
  // Neither protocol nor port: a Gateway Load Balancer listener (GENEVE, takes neither).
  if (listener.protocol === undefined && listener.port === undefined) return;
  const protocol = listener.protocol ?? "HTTP";
  if (protocol !== "HTTP" || redirectsToHttps(listener)) return;
  report(
    `The listener serves plain ${protocol}${listener.protocol ? "" : " (protocol unset, the ALB default)"}: requests and cookies cross the ` +
      'network in clear. Use protocol "HTTPS" with a certificateArn, or make every default action a redirect with redirect.protocol "HTTPS".',
  );
}

/**
 * Application load balancer listeners (`aws.lb.Listener`, `aws.alb.Listener`) serve HTTPS, or
 * only redirect HTTP to HTTPS. An unset protocol is HTTP on an ALB; a listener without protocol
 * and port is a Gateway Load Balancer's (GENEVE) and is not judged. Network load balancer
 * protocols (TCP, TLS, UDP) are not judged either: a TCP listener may pass TLS through to its targets.
 */
export const awsLbListenerTls = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-lb-listener-tls",
    description:
      'Load balancer listeners (aws.lb.Listener, aws.alb.Listener) must not serve plain HTTP: use protocol "HTTPS", or redirect ' +
      'every request to HTTPS (default actions of type "redirect" with protocol "HTTPS").',
    validateResource: [
      validateTypeToken<aws.lb.ListenerArgs>("aws:lb/listener:Listener", (listener, _args, report) => check(listener, report)),
      validateTypeToken<aws.alb.ListenerArgs>("aws:alb/listener:Listener", (listener, _args, report) => check(listener, report)),
    ],
  },
  { vendor: "aws", services: ["lb", "alb"], topics: ["network", "encryption"], frameworks: ["iso27001", "pcidss"], severity: "critical" },
);
