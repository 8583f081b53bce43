import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** The @pulumi/eks `Cluster` component's type token. */
export const EKS_COMPONENT_TYPE = "eks:index:Cluster";

/**
 * The EKS API server endpoint is private: `vpcConfig.endpointPublicAccess` false on
 * `aws.eks.Cluster`, `endpointPublicAccess` false on the `eks:index:Cluster` component. Both
 * default to public when unset. A component registered without inputs (the engine's view of a
 * remote component's own registration) cannot be judged and is skipped.
 */
export const awsEksEndpointPrivate = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-eks-endpoint-private",
    description:
      "EKS clusters must not expose a public API endpoint (vpcConfig.endpointPublicAccess false on aws.eks.Cluster, " +
      "endpointPublicAccess false on eks.Cluster; both default to public): the control plane is reached through the VPC.",
    validateResource: [
      validateTypeToken<aws.eks.ClusterArgs>("aws:eks/cluster:Cluster", (cluster, _args, report) => {
        if (cluster.vpcConfig.endpointPublicAccess !== false) report("vpcConfig.endpointPublicAccess is not false (the default is a public endpoint).");
      }),
      (args, report) => {
        if (args.type !== EKS_COMPONENT_TYPE) args.notApplicable(`Policy only applies to ${EKS_COMPONENT_TYPE}`);
        if (Object.keys(args.props).length === 0) args.notApplicable("the component's inputs are not visible");
        if (args.props.endpointPublicAccess !== false) report("endpointPublicAccess is not false (@pulumi/eks defaults to a public endpoint).");
      },
    ],
  },
  { vendor: "aws", services: ["eks"], topics: ["network"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "critical" },
);
