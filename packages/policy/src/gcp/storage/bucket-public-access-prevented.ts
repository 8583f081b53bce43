import * as gcp from "@pulumi/gcp";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";

/** GCS buckets enforce public access prevention. */
export const gcpStorageBucketPublicAccessPrevented: ResourceValidationPolicy = {
  name: "gcp-storage-bucket-public-access-prevented",
  description:
    "Cloud Storage buckets must set publicAccessPrevention \"enforced\": no IAM binding to allUsers or " +
    "allAuthenticatedUsers can then make data public.",
  validateResource: validateResourceOfType(gcp.storage.Bucket, (bucket, _args, report) => {
    if (bucket.publicAccessPrevention !== "enforced") {
      report(`publicAccessPrevention is ${bucket.publicAccessPrevention ? `"${bucket.publicAccessPrevention}"` : "unset (inherited)"}, not "enforced".`);
    }
  }),
};
