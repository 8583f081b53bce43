import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { isSetOrPending } from "../../lib/values";
import { validateTypeToken } from "../../lib/type-token";

/** ECR repositories encrypt images with a customer-managed KMS key. */
export const awsEcrRepositoryEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-ecr-repository-encrypted-with-kms",
    description:
      'ECR repositories must encrypt with a customer-managed KMS key (encryptionConfigurations encryptionType "KMS" with ' +
      "kmsKey): the default AES256 and the AWS-managed aws/ecr key leave no key policy of ours between the images and their readers.",
    validateResource: validateTypeToken<aws.ecr.RepositoryArgs>("aws:ecr/repository:Repository", (repo, _args, report) => {
      const config = repo.encryptionConfigurations?.[0];
      const type = config?.encryptionType ?? "AES256";
      if (type !== "KMS" && type !== "KMS_DSSE") {
        report(`encryptionConfigurations encryptionType is ${type}${config ? "" : " (unset)"}, not "KMS": set encryptionType "KMS" with kmsKey to a customer-managed key.`);
      } else if (!isSetOrPending(() => config?.kmsKey)) {
        report("encryptionConfigurations kmsKey is not set: ECR uses the AWS-managed aws/ecr key. Set kmsKey to a customer-managed key.");
      }
    }),
  },
  { vendor: "aws", services: ["ecr"], topics: ["encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "medium" },
);
