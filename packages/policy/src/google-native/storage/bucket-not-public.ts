import type { ResourceValidationPolicy } from "@pulumi/policy";
import { noPublicIamGrants, PUBLIC_PRINCIPALS } from "../../gcp/iam/public-grants";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { GCS_BUCKET } from "./bucket";

/** Predefined ACLs that give allUsers or allAuthenticatedUsers access. */
const PUBLIC_PREDEFINED = new Set(["publicRead", "publicReadWrite", "authenticatedRead"]);

interface BucketAcls {
  acl?: { entity?: string }[];
  defaultObjectAcl?: { entity?: string }[];
  predefinedAcl?: string;
  predefinedDefaultObjectAcl?: string;
}

/** No google-native bucket, bucket ACL or bucket IAM resource grants access to the public. */
export const googleNativeStorageBucketNotPublic = definePolicy<ResourceValidationPolicy>(
  {
    name: "google-native-storage-bucket-not-public",
    description:
      "google-native Cloud Storage buckets must not grant anything to allUsers or allAuthenticatedUsers: not in their acl, " +
      "defaultObjectAcl or predefined ACLs (publicRead, publicReadWrite, authenticatedRead), nor through BucketIamMember, " +
      "BucketIamBinding or BucketIamPolicy.",
    validateResource: [
      validateTypeToken<BucketAcls>(GCS_BUCKET, (bucket, _args, report) => {
        for (const key of ["acl", "defaultObjectAcl"] as const) {
          (bucket[key] ?? []).forEach((entry, i) => {
            if (entry.entity && PUBLIC_PRINCIPALS.includes(entry.entity)) {
              report(`${key}[${i}].entity is ${entry.entity}: the bucket's data becomes public. Grant access through IAM to specific principals.`);
            }
          });
        }
        for (const key of ["predefinedAcl", "predefinedDefaultObjectAcl"] as const) {
          const value = bucket[key];
          if (value && PUBLIC_PREDEFINED.has(value)) report(`${key} is "${value}": the bucket's data becomes public. Use "private" or "projectPrivate".`);
        }
      }),
      ...noPublicIamGrants(
        {
          member: ["google-native:storage/v1:BucketIamMember"],
          binding: ["google-native:storage/v1:BucketIamBinding"],
          bindings: ["google-native:storage/v1:BucketIamPolicy"],
        },
        "the bucket's objects become public",
      ),
    ],
  },
  { vendor: "google-native", services: ["storage"], topics: ["access"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "critical" },
);
