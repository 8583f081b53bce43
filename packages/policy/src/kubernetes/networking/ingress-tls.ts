import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** Ingress API versions the provider has types for. */
export const INGRESS_TYPES: readonly string[] = [
  "kubernetes:networking.k8s.io/v1:Ingress",
  "kubernetes:networking.k8s.io/v1beta1:Ingress",
  "kubernetes:extensions/v1beta1:Ingress",
];

/** Annotations with which the cloud load balancer terminates TLS with a certificate of its own. */
export const LB_CERTIFICATE_ANNOTATIONS: readonly string[] = [
  "alb.ingress.kubernetes.io/certificate-arn",
  "ingress.gcp.kubernetes.io/pre-shared-cert",
  "networking.gke.io/managed-certificates",
];

interface IngressLike {
  metadata?: { annotations?: Record<string, string> };
  spec?: { tls?: unknown[] };
}

/** Ingresses serve HTTPS: `spec.tls` entries, or a load-balancer certificate annotation. */
export const kubernetesNetworkingIngressTls = definePolicy<ResourceValidationPolicy>(
  {
    name: "kubernetes-networking-ingress-tls",
    description:
      "Ingresses must terminate TLS: spec.tls with a certificate Secret, or a load-balancer certificate annotation " +
      "(alb.ingress.kubernetes.io/certificate-arn, ingress.gcp.kubernetes.io/pre-shared-cert, " +
      "networking.gke.io/managed-certificates). Without one, requests and credentials cross the internet in clear.",
    validateResource: INGRESS_TYPES.map((token) =>
      validateTypeToken<IngressLike>(token, (ingress, _args, report) => {
        if ((ingress.spec?.tls ?? []).length > 0) return;
        const annotations = ingress.metadata?.annotations ?? {};
        if (LB_CERTIFICATE_ANNOTATIONS.some((key) => annotations[key])) return;
        report("The Ingress has no spec.tls and no load-balancer certificate annotation, so it serves plain HTTP: add spec.tls with a certificate Secret (e.g. from cert-manager).");
      }),
    ),
  },
  { vendor: "kubernetes", services: ["networking"], topics: ["encryption", "network"], frameworks: ["iso27001", "pcidss"], severity: "high" },
);
