import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { EKS_CLUSTER, type NativeEksCluster } from "./cluster";

/** aws-native EKS clusters envelope-encrypt Secrets with a customer KMS key. */
export const awsNativeEksSecretsEncrypted = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-eks-secrets-encrypted",
    description:
      'aws-native EKS clusters must envelope-encrypt Kubernetes Secrets with a customer KMS key: an encryptionConfig entry ' +
      'with resources ["secrets"] and provider.keyArn.',
    validateResource: validateTypeToken<NativeEksCluster>(EKS_CLUSTER, (cluster, _args, report) => {
      const ok = (cluster.encryptionConfig ?? []).some((c) => (c.resources ?? []).includes("secrets") && !!c.provider?.keyArn);
      if (!ok) report('encryptionConfig has no entry encrypting "secrets" with a provider.keyArn: Secrets sit in etcd without envelope encryption. Add one with a customer-managed key.');
    }),
  },
  { vendor: "aws-native", services: ["eks"], topics: ["encryption", "secrets"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "high" },
);
