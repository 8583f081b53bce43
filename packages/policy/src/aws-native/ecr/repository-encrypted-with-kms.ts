import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { isSetOrPending } from "../../lib/values";

/** aws-native ECR repositories encrypt images with a customer KMS key. */
export const awsNativeEcrRepositoryEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-ecr-repository-encrypted-with-kms",
    description:
      'aws-native ECR repositories must set encryptionConfiguration with encryptionType "KMS" (or KMS_DSSE) and a ' +
      "customer-managed kmsKey: the default AES256 encryption uses a key outside our control and audit.",
    validateResource: validateTypeToken<{ encryptionConfiguration?: { encryptionType?: string; kmsKey?: string } }>("aws-native:ecr:Repository", (repo, _args, report) => {
      const config = repo.encryptionConfiguration;
      const type = config?.encryptionType ?? "AES256";
      if (type !== "KMS" && type !== "KMS_DSSE") report(`encryptionConfiguration.encryptionType is ${type}: set "KMS" with a customer-managed kmsKey.`);
      else if (!isSetOrPending(() => config?.kmsKey)) report("encryptionConfiguration.kmsKey is not set: images use the AWS-managed aws/ecr key; name a customer-managed key.");
    }),
  },
  { vendor: "aws-native", services: ["ecr"], topics: ["encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "medium" },
);
