import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { encryptionRules, type NativeBucket } from "./bucket";
import { isSetOrPending } from "../../lib/values";

/** KMS algorithms: SSE-KMS and dual-layer DSSE-KMS. */
const KMS_ALGORITHMS = new Set(["aws:kms", "aws:kms:dsse"]);

/** aws-native S3 buckets encrypt by default with a customer-managed KMS key. */
export const awsNativeS3BucketEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-s3-bucket-encrypted-with-kms",
    description:
      "aws-native S3 buckets must set bucketEncryption.serverSideEncryptionConfiguration with sseAlgorithm aws:kms (or " +
      "aws:kms:dsse) and a kmsMasterKeyId: S3's default (SSE-S3, AES256) is not a key whose policy we control.",
    validateResource: validateTypeToken<NativeBucket>("aws-native:s3:Bucket", (bucket, _args, report) => {
      const rules = encryptionRules(bucket);
      if (rules.length === 0) {
        report("bucketEncryption is not set: objects use S3's default SSE-S3 (AES256). Set serverSideEncryptionByDefault with sseAlgorithm aws:kms and kmsMasterKeyId.");
        return;
      }
      rules.forEach((rule, i) => {
        const byDefault = rule.serverSideEncryptionByDefault;
        const algorithm = byDefault?.sseAlgorithm;
        if (!algorithm || !KMS_ALGORITHMS.has(algorithm)) {
          report(`serverSideEncryptionConfiguration[${i}] uses ${algorithm ?? "no sseAlgorithm"}, not aws:kms: set sseAlgorithm aws:kms with a kmsMasterKeyId.`);
        } else if (!isSetOrPending(() => byDefault.kmsMasterKeyId)) {
          report(`serverSideEncryptionConfiguration[${i}] has no kmsMasterKeyId: objects use the AWS-managed aws/s3 key; name a customer-managed key.`);
        }
      });
    }),
  },
  { vendor: "aws-native", services: ["s3"], topics: ["encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
