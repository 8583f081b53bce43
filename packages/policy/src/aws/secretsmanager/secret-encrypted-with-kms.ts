import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { isSetOrPending } from "../../lib/values";
import { validateTypeToken } from "../../lib/type-token";

/** Secrets Manager secrets are encrypted with a customer-managed KMS key. */
export const awsSecretsmanagerSecretEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-secretsmanager-secret-encrypted-with-kms",
    description:
      "Secrets Manager secrets must set kmsKeyId to a customer-managed KMS key: with the AWS-managed aws/secretsmanager key, any " +
      "principal of the account allowed secretsmanager:GetSecretValue can read the secret, and it cannot be shared across accounts.",
    validateResource: validateTypeToken<aws.secretsmanager.SecretArgs>("aws:secretsmanager/secret:Secret", (secret, _args, report) => {
      if (!isSetOrPending(() => secret.kmsKeyId)) report("kmsKeyId is not set: the secret is encrypted with the AWS-managed aws/secretsmanager key. Set kmsKeyId to a customer-managed key.");
    }),
  },
  { vendor: "aws", services: ["secretsmanager"], topics: ["encryption", "secrets"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "medium" },
);
