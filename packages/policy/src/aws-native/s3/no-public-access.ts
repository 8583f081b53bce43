import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import type { NativeBucket } from "./bucket";

const FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;
const PUBLIC_ACLS = new Set(["PublicRead", "PublicReadWrite", "AuthenticatedRead"]);

/**
 * aws-native S3 buckets cannot be made public: all four public access block flags true and no
 * public canned ACL (bucket policies: aws-native-s3-bucket-policy-not-public).
 */
export const awsNativeS3NoPublicAccess = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-s3-no-public-access",
    description:
      "aws-native S3 buckets must set publicAccessBlockConfiguration with blockPublicAcls, blockPublicPolicy, " +
      "ignorePublicAcls and restrictPublicBuckets all true, and must not use a public accessControl (PublicRead, " +
      "PublicReadWrite, AuthenticatedRead): no ACL or bucket policy can then make the objects public.",
    validateResource: validateTypeToken<NativeBucket>("aws-native:s3:Bucket", (bucket, _args, report) => {
      const block = bucket.publicAccessBlockConfiguration;
      const off = FLAGS.filter((flag) => block?.[flag] !== true);
      if (off.length > 0) report(`publicAccessBlockConfiguration does not set ${off.join(", ")} to true: set all four so no ACL or policy can make objects public.`);
      if (bucket.accessControl && PUBLIC_ACLS.has(bucket.accessControl)) {
        report(`accessControl is ${bucket.accessControl}: the bucket is readable by anyone; remove it (the default is Private).`);
      }
    }),
  },
  { vendor: "aws-native", services: ["s3"], topics: ["access"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "critical" },
);
