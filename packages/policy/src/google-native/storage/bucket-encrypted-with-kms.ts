import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { GCS_BUCKET, type NativeGcsBucket } from "./bucket";
import { isSetOrPending } from "../../lib/values";

/** google-native buckets encrypt new objects with a customer-managed Cloud KMS key. */
export const googleNativeStorageBucketEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "google-native-storage-bucket-encrypted-with-kms",
    description:
      "google-native Cloud Storage buckets must set encryption.defaultKmsKeyName (CMEK): objects are then encrypted under a " +
      "key we rotate and can revoke instead of a Google-managed key.",
    validateResource: validateTypeToken<NativeGcsBucket>(GCS_BUCKET, (bucket, _args, report) => {
      if (!isSetOrPending(() => bucket.encryption?.defaultKmsKeyName)) report("encryption.defaultKmsKeyName is not set: objects use Google-managed keys; name a Cloud KMS key.");
    }),
  },
  { vendor: "google-native", services: ["storage"], topics: ["encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
