import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { EKS_COMPONENT_TYPE } from "./endpoint-private";

/** EKS envelope-encrypts Kubernetes Secrets with a customer KMS key. */
export const awsEksSecretsEncrypted: ResourceValidationPolicy = {
  name: "aws-eks-secrets-encrypted",
  description:
    "EKS clusters must envelope-encrypt Kubernetes Secrets in etcd with a customer KMS key (encryptionConfig with resources " +
    "[\"secrets\"] on aws.eks.Cluster, encryptionConfigKeyArn on eks.Cluster).",
  validateResource: [
    validateResourceOfType(aws.eks.Cluster, (cluster, _args, report) => {
      const config = cluster.encryptionConfig;
      if (!config?.provider.keyArn || !config.resources.includes("secrets")) {
        report("encryptionConfig does not encrypt \"secrets\" with a KMS key (provider.keyArn).");
      }
    }),
    (args, report) => {
      if (args.type !== EKS_COMPONENT_TYPE) args.notApplicable(`Policy only applies to ${EKS_COMPONENT_TYPE}`);
      if (Object.keys(args.props).length === 0) args.notApplicable("the component's inputs are not visible");
      if (!args.props.encryptionConfigKeyArn) report("encryptionConfigKeyArn is not set: Kubernetes Secrets are stored without envelope encryption.");
    },
  ],
};
