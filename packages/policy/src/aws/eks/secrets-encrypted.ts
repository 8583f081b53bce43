import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { EKS_COMPONENT_TYPE } from "./endpoint-private";
import { definePolicy } from "../../lib/registry";
import { isSetOrPending } from "../../lib/values";
import { validateTypeToken } from "../../lib/type-token";

/** EKS envelope-encrypts Kubernetes Secrets with a customer KMS key. */
export const awsEksSecretsEncrypted = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-eks-secrets-encrypted",
    description:
      "EKS clusters must envelope-encrypt Kubernetes Secrets in etcd with a customer KMS key (encryptionConfig with resources " +
      "[\"secrets\"] on aws.eks.Cluster, encryptionConfigKeyArn on eks.Cluster).",
    validateResource: [
      validateTypeToken<aws.eks.ClusterArgs>("aws:eks/cluster:Cluster", (cluster, _args, report) => {
        const config = cluster.encryptionConfig;
        if (!isSetOrPending(() => config?.provider.keyArn) || !config?.resources.includes("secrets")) {
          report("encryptionConfig does not encrypt \"secrets\" with a KMS key (provider.keyArn).");
        }
      }),
      (args, report) => {
        if (args.type !== EKS_COMPONENT_TYPE) args.notApplicable(`Policy only applies to ${EKS_COMPONENT_TYPE}`);
        if (Object.keys(args.props).length === 0) args.notApplicable("the component's inputs are not visible");
        if (!isSetOrPending(() => args.props.encryptionConfigKeyArn)) report("encryptionConfigKeyArn is not set: Kubernetes Secrets are stored without envelope encryption.");
      },
    ],
  },
  { vendor: "aws", services: ["eks"], topics: ["encryption", "secrets"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "high" },
);
