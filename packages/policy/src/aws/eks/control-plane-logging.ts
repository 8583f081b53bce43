import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { validateEksComponent } from "./component";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** The control-plane log types every EKS cluster sends to CloudWatch. */
export const REQUIRED_EKS_LOG_TYPES: readonly string[] = ["api", "audit", "authenticator"];

/** The required log types missing from `enabledClusterLogTypes` (unset: all of them). */
function missingLogTypes(enabled: unknown): string[] {
  const list: unknown[] = Array.isArray(enabled) ? [...(enabled as unknown[])] : [];
  return REQUIRED_EKS_LOG_TYPES.filter((type) => !list.includes(type));
}

const message = (missing: readonly string[]) =>
  `enabledClusterLogTypes does not include ${missing.map((t) => `"${t}"`).join(", ")} (control-plane logging is off by default).`;

/**
 * EKS sends the api, audit and authenticator control-plane logs to CloudWatch:
 * `enabledClusterLogTypes` on `aws.eks.Cluster` and on the `eks:index:Cluster` component (both
 * default to no logging). controllerManager and scheduler are optional.
 */
export const awsEksControlPlaneLogging = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-eks-control-plane-logging",
    description:
      "EKS clusters must send the api, audit and authenticator control-plane logs to CloudWatch (enabledClusterLogTypes on " +
      "aws.eks.Cluster and on eks.Cluster; off by default): without them there is no record of who did what through the " +
      "Kubernetes API or who authenticated as which IAM principal.",
    validateResource: [
      validateTypeToken<aws.eks.ClusterArgs>("aws:eks/cluster:Cluster", (cluster, _args, report) => {
        const missing = missingLogTypes(cluster.enabledClusterLogTypes);
        if (missing.length > 0) report(message(missing));
      }),
      validateEksComponent((props, report) => {
        const missing = missingLogTypes(props["enabledClusterLogTypes"]);
        if (missing.length > 0) report(message(missing));
      }),
    ],
  },
  { vendor: "aws", services: ["eks"], topics: ["logging"], frameworks: ["cis"], severity: "medium" },
);
