import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** aws-native Secrets Manager secrets encrypt with a customer KMS key. */
export const awsNativeSecretsmanagerSecretEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-secretsmanager-secret-encrypted-with-kms",
    description:
      "aws-native Secrets Manager secrets must set kmsKeyId to a customer-managed key (not aws/secretsmanager): the key " +
      "policy then decides who can decrypt, and cross-account access is possible only with it.",
    validateResource: validateTypeToken<{ kmsKeyId?: string }>("aws-native:secretsmanager:Secret", (secret, _args, report) => {
      if (!secret.kmsKeyId || secret.kmsKeyId === "alias/aws/secretsmanager") {
        report(`kmsKeyId is ${secret.kmsKeyId ?? "unset"}: the secret uses the AWS-managed aws/secretsmanager key; name a customer-managed key.`);
      }
    }),
  },
  { vendor: "aws-native", services: ["secretsmanager"], topics: ["encryption", "secrets"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "medium" },
);
