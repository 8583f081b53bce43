import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { noPublicIamGrants } from "../iam/public-grants";

/** No bucket IAM resource grants a role to `allUsers` or `allAuthenticatedUsers`. */
export const gcpStorageBucketIamNotPublic = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-storage-bucket-iam-not-public",
    description:
      "Cloud Storage bucket IAM (BucketIAMMember, BucketIAMBinding, BucketIAMPolicy) must not grant any role to allUsers or " +
      "allAuthenticatedUsers: the bucket's objects would be readable (or writable) by anyone. Public access prevention " +
      "makes such grants fail at apply time; this catches them in the plan.",
    validateResource: noPublicIamGrants(
      {
        member: ["gcp:storage/bucketIAMMember:BucketIAMMember"],
        binding: ["gcp:storage/bucketIAMBinding:BucketIAMBinding"],
        policyData: ["gcp:storage/bucketIAMPolicy:BucketIAMPolicy"],
      },
      "the bucket's objects become public",
    ),
  },
  { vendor: "gcp", services: ["storage"], topics: ["access"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "critical" },
);
