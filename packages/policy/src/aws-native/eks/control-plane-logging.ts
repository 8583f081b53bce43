import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { EKS_CLUSTER, type NativeEksCluster } from "./cluster";

/** The control-plane log types every EKS cluster must send (as the classic rule requires). */
export const REQUIRED_LOG_TYPES: readonly string[] = ["api", "audit", "authenticator"];

/** aws-native EKS clusters send the api, audit and authenticator logs to CloudWatch. */
export const awsNativeEksControlPlaneLogging = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-eks-control-plane-logging",
    description:
      "aws-native EKS clusters must enable the api, audit and authenticator control-plane logs " +
      "(logging.clusterLogging.enabledTypes; off by default): without them nothing records who did what through the API.",
    validateResource: validateTypeToken<NativeEksCluster>(EKS_CLUSTER, (cluster, _args, report) => {
      const enabled = (cluster.logging?.clusterLogging?.enabledTypes ?? []).map((t) => t.type);
      const missing = REQUIRED_LOG_TYPES.filter((t) => !enabled.includes(t));
      if (missing.length > 0) report(`logging.clusterLogging.enabledTypes lacks ${missing.map((t) => `"${t}"`).join(", ")}: add them (control-plane logging is off by default).`);
    }),
  },
  { vendor: "aws-native", services: ["eks"], topics: ["logging"], frameworks: ["cis"], severity: "medium" },
);
