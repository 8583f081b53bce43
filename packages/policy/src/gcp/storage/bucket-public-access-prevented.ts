import type * as gcp from "@pulumi/gcp";
import { validateTypeToken } from "../../lib/type-token";
import { type ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";

/** GCS buckets enforce public access prevention. */
export const gcpStorageBucketPublicAccessPrevented = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-storage-bucket-public-access-prevented",
    description:
      "Cloud Storage buckets must set publicAccessPrevention \"enforced\": no IAM binding to allUsers or " +
      "allAuthenticatedUsers can then make data public.",
    validateResource: validateTypeToken<gcp.storage.BucketArgs>("gcp:storage/bucket:Bucket", (bucket, _args, report) => {
      if (bucket.publicAccessPrevention !== "enforced") {
        report(`publicAccessPrevention is ${bucket.publicAccessPrevention ? `"${bucket.publicAccessPrevention}"` : "unset (inherited)"}, not "enforced".`);
      }
    }),
  },
  { vendor: "gcp", services: ["storage"], topics: ["access"], frameworks: ["cis", "iso27001", "pcidss"], severity: "critical" },
);
