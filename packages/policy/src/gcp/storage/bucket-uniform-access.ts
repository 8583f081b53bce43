import type * as gcp from "@pulumi/gcp";
import { validateTypeToken } from "../../lib/type-token";
import { type ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";

/** GCS buckets use uniform bucket-level access (IAM only, no object ACLs). */
export const gcpStorageBucketUniformAccess = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-storage-bucket-uniform-access",
    description:
      "Cloud Storage buckets must set uniformBucketLevelAccess true: access is then granted by IAM only, and no per-object " +
      "ACL can quietly make an object public.",
    validateResource: validateTypeToken<gcp.storage.BucketArgs>("gcp:storage/bucket:Bucket", (bucket, _args, report) => {
      if (bucket.uniformBucketLevelAccess !== true) report("uniformBucketLevelAccess is not true.");
    }),
  },
  { vendor: "gcp", services: ["storage"], topics: ["access"], frameworks: ["cis"], severity: "medium" },
);
