import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { idsOf, refersTo } from "../../lib/graph";
import { field, UNKNOWN } from "../../lib/values";
import { definePolicy } from "../../lib/registry";

const FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;
const isBucket = (r: PolicyResource) => r.type === "aws:s3/bucket:Bucket" || r.type === "aws:s3/bucketV2:BucketV2";

/**
 * Every S3 bucket has an `aws.s3.BucketPublicAccessBlock` with all four flags on. A stack
 * policy: a bucket without any block is a violation too (matched like the encryption
 * configuration: `bucket` input equal to the bucket's name or id, else by dependency).
 */
export const awsS3PublicAccessBlockEnabled = definePolicy<StackValidationPolicy>(
  {
    name: "aws-s3-public-access-block-enabled",
    description:
      "Every S3 bucket must have a BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and " +
      "restrictPublicBuckets all true, so that no ACL or bucket policy can ever make its objects public.",
    validateStack: (args, reportViolation) => {
      const blocks = args.resources.filter((r) => r.type === "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
      for (const block of blocks) {
        const off = FLAGS.filter((flag) => {
          const value = field(block.props, flag);
          return value !== UNKNOWN && value !== true;
        });
        if (off.length > 0) reportViolation(`Public access block ${block.name} does not set ${off.join(", ")} to true.`, block.urn);
      }
      for (const bucket of args.resources.filter(isBucket)) {
        const ids = idsOf(bucket, "bucket", "id");
        if (!blocks.some((b) => refersTo(b, "bucket", bucket, ids))) {
          reportViolation(`Bucket ${bucket.name} has no BucketPublicAccessBlock.`, bucket.urn);
        }
      }
    },
  },
  { vendor: "aws", services: ["s3"], topics: ["access"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "high" },
);
