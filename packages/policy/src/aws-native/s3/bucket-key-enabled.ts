import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { encryptionRules, type NativeBucket } from "./bucket";

/** SSE-KMS buckets use an S3 Bucket Key, so S3 does not call KMS for every object. */
export const awsNativeS3BucketKeyEnabled = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-s3-bucket-key-enabled",
    description:
      "aws-native S3 buckets that encrypt with SSE-KMS must set bucketKeyEnabled true on their encryption rule: without an S3 " +
      "Bucket Key every object operation calls KMS, which costs more and can hit KMS request quotas.",
    validateResource: validateTypeToken<NativeBucket>("aws-native:s3:Bucket", (bucket, _args, report) => {
      encryptionRules(bucket).forEach((rule, i) => {
        if (rule.serverSideEncryptionByDefault?.sseAlgorithm === "aws:kms" && rule.bucketKeyEnabled !== true) {
          report(`serverSideEncryptionConfiguration[${i}] uses aws:kms without bucketKeyEnabled true: set it so S3 does not call KMS for every object.`);
        }
      });
    }),
  },
  { vendor: "aws-native", services: ["s3"], topics: ["encryption"], frameworks: ["iso27001", "pcidss"], severity: "low" },
);
