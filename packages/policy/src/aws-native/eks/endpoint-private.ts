import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { EKS_CLUSTER, type NativeEksCluster } from "./cluster";

/** The aws-native EKS API endpoint is private (public access defaults to on). */
export const awsNativeEksEndpointPrivate = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-eks-endpoint-private",
    description:
      "aws-native EKS clusters must set resourcesVpcConfig.endpointPublicAccess false (the default is a public endpoint) " +
      "and endpointPrivateAccess true: the Kubernetes API is reached through the VPC only.",
    validateResource: validateTypeToken<NativeEksCluster>(EKS_CLUSTER, (cluster, _args, report) => {
      const vpc = cluster.resourcesVpcConfig;
      if (vpc?.endpointPublicAccess !== false) {
        report("resourcesVpcConfig.endpointPublicAccess is not false (the default is true): the API server is reachable from the internet. Set it false and endpointPrivateAccess true.");
      } else if (vpc.endpointPrivateAccess !== true) {
        report("resourcesVpcConfig.endpointPrivateAccess is not true while public access is off: nothing can reach the API server. Set it true.");
      }
    }),
  },
  { vendor: "aws-native", services: ["eks"], topics: ["network"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "high" },
);
