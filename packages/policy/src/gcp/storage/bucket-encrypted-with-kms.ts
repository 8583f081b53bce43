import type * as gcp from "@pulumi/gcp";
import { validateTypeToken } from "../../lib/type-token";
import { type ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { isSetOrPending } from "../../lib/values";

/** GCS buckets encrypt new objects with a customer-managed Cloud KMS key. */
export const gcpStorageBucketEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-storage-bucket-encrypted-with-kms",
    description:
      "Cloud Storage buckets must set encryption.defaultKmsKeyName (CMEK): objects are then encrypted under a key we rotate " +
      "and can revoke, as S3 buckets are with SSE-KMS.",
    validateResource: validateTypeToken<gcp.storage.BucketArgs>("gcp:storage/bucket:Bucket", (bucket, _args, report) => {
      // A key created in the same update is unknown in preview, and still set.
      if (!isSetOrPending(() => bucket.encryption?.defaultKmsKeyName)) report("encryption.defaultKmsKeyName is not set: objects use Google-managed keys.");
    }),
  },
  { vendor: "gcp", services: ["storage"], topics: ["encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
