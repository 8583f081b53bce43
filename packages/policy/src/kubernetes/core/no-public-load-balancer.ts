import type * as k8s from "@pulumi/kubernetes";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** The AWS load balancer controller's scheme annotation (`internal` or `internet-facing`). */
export const AWS_LB_SCHEME_ANNOTATION = "service.beta.kubernetes.io/aws-load-balancer-scheme";

/** Annotations (with their exact value) that make a LoadBalancer Service's load balancer internal. */
export const INTERNAL_LB_ANNOTATIONS: Readonly<Record<string, string>> = {
  "service.beta.kubernetes.io/aws-load-balancer-internal": "true",
  [AWS_LB_SCHEME_ANNOTATION]: "internal",
  "networking.gke.io/load-balancer-type": "Internal",
  "cloud.google.com/load-balancer-type": "Internal",
};

/**
 * A Service of type LoadBalancer gets an internal load balancer: it carries one of
 * {@link INTERNAL_LB_ANNOTATIONS} with its exact value, and no
 * `service.beta.kubernetes.io/aws-load-balancer-scheme` other than `internal` (the AWS load
 * balancer controller reads the scheme first). Public entry points go through the platform's
 * ingress, not through ad-hoc Services.
 */
export const kubernetesCoreNoPublicLoadBalancer = definePolicy<ResourceValidationPolicy>(
  {
    name: "kubernetes-core-no-public-load-balancer",
    description:
      "Services of type LoadBalancer must ask for an internal load balancer " +
      '(service.beta.kubernetes.io/aws-load-balancer-internal "true", ' +
      'service.beta.kubernetes.io/aws-load-balancer-scheme "internal", ' +
      'networking.gke.io/load-balancer-type or cloud.google.com/load-balancer-type "Internal"): without one the cloud ' +
      "provisions an internet-facing load balancer in front of the Pods.",
    validateResource: validateTypeToken<k8s.core.v1.ServiceArgs>("kubernetes:core/v1:Service", (service, _args, report) => {
      if (service.spec?.type !== "LoadBalancer") return;
      const annotations: Record<string, string | undefined> = service.metadata?.annotations ?? {};
      const scheme = annotations[AWS_LB_SCHEME_ANNOTATION];
      if (scheme !== undefined && scheme !== "internal") {
        report(`The LoadBalancer Service sets ${AWS_LB_SCHEME_ANNOTATION} "${scheme}": its load balancer faces the internet.`);
        return;
      }
      if (!Object.entries(INTERNAL_LB_ANNOTATIONS).some(([key, value]) => annotations[key] === value)) {
        report("The LoadBalancer Service has no internal load balancer annotation: the cloud provisions an internet-facing load balancer.");
      }
    }),
  },
  { vendor: "kubernetes", services: ["core"], topics: ["network"], frameworks: [], severity: "high" },
);
