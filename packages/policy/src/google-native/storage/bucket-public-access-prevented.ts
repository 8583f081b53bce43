import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { GCS_BUCKET, type NativeGcsBucket } from "./bucket";

/** google-native buckets enforce public access prevention. */
export const googleNativeStorageBucketPublicAccessPrevented = definePolicy<ResourceValidationPolicy>(
  {
    name: "google-native-storage-bucket-public-access-prevented",
    description:
      'google-native Cloud Storage buckets must set iamConfiguration.publicAccessPrevention "enforced" (unset means ' +
      '"inherited"): no IAM binding or ACL for allUsers or allAuthenticatedUsers can then make data public.',
    validateResource: validateTypeToken<NativeGcsBucket>(GCS_BUCKET, (bucket, _args, report) => {
      const prevention = bucket.iamConfiguration?.publicAccessPrevention;
      if (prevention !== "enforced") report(`iamConfiguration.publicAccessPrevention is ${prevention ?? "unset (inherited)"}: set it to "enforced".`);
    }),
  },
  { vendor: "google-native", services: ["storage"], topics: ["access", "network"], frameworks: ["cis", "iso27001", "pcidss"], severity: "critical" },
);
