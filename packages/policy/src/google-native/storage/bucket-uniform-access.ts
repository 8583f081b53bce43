import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { GCS_BUCKET, type NativeGcsBucket } from "./bucket";

/** google-native buckets use IAM only (uniform bucket-level access), no per-object ACLs. */
export const googleNativeStorageBucketUniformAccess = definePolicy<ResourceValidationPolicy>(
  {
    name: "google-native-storage-bucket-uniform-access",
    description:
      "google-native Cloud Storage buckets must enable uniform bucket-level access (iamConfiguration.uniformBucketLevelAccess" +
      ".enabled, or the older bucketPolicyOnly): access is then decided by IAM alone and no object ACL can make data public.",
    validateResource: validateTypeToken<NativeGcsBucket>(GCS_BUCKET, (bucket, _args, report) => {
      const iam = bucket.iamConfiguration;
      if (iam?.uniformBucketLevelAccess?.enabled !== true && iam?.bucketPolicyOnly?.enabled !== true) {
        report("iamConfiguration.uniformBucketLevelAccess.enabled is not true: object ACLs still apply. Enable it.");
      }
    }),
  },
  { vendor: "google-native", services: ["storage"], topics: ["access"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "medium" },
);
