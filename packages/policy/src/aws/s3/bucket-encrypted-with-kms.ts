import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { idsOf, refersTo } from "../../lib/graph";
import { oneOrMany } from "../../lib/many";
import { encryptionProblem, inlineRules } from "./encryption";
import { definePolicy } from "../../lib/registry";

const isBucket = (r: PolicyResource) => r.type === "aws:s3/bucket:Bucket" || r.type === "aws:s3/bucketV2:BucketV2";
const isSseConfiguration = (r: PolicyResource) =>
  r.type === "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration" || r.type === "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";

/**
 * Every S3 bucket encrypts by default with a customer-managed KMS key.
 *
 * A stack policy, because the encryption of a bucket is usually a separate resource
 * (`aws.s3.BucketServerSideEncryptionConfiguration[V2]`) and a bucket with none at all must fail.
 * A configuration belongs to a bucket when its `bucket` input equals the bucket's `bucket` or
 * `id`, or, when those are unknown (preview), when its `bucket` input depends on the bucket
 * (see `refersTo`). Standalone configurations win over inline ones: the bucket's inline
 * `serverSideEncryptionConfiguration` output reflects the S3 default (AES256) read at creation.
 */
export const awsS3BucketEncryptedWithKms = definePolicy<StackValidationPolicy>(
  {
    name: "aws-s3-bucket-encrypted-with-kms",
    description:
      "S3 buckets must encrypt by default with a customer-managed KMS key (sseAlgorithm aws:kms with kmsMasterKeyId), " +
      "inline or through a BucketServerSideEncryptionConfiguration: the key policy then controls who can read the data, " +
      "and CloudTrail records every use of the key.",
    validateStack: (args, reportViolation) => {
      const configurations = args.resources.filter(isSseConfiguration);
      for (const sse of configurations) {
        const problem = encryptionProblem(oneOrMany(sse.props, "rule", "rules"));
        if (problem) reportViolation(`Encryption configuration ${sse.name} ${problem}.`, sse.urn);
      }
      for (const bucket of args.resources.filter(isBucket)) {
        const ids = idsOf(bucket, "bucket", "id");
        if (configurations.some((sse) => refersTo(sse, "bucket", bucket, ids))) continue;
        const inline = inlineRules(bucket.props);
        if (inline === undefined) {
          reportViolation(
            `Bucket ${bucket.name} has no server-side encryption configuration; S3's default (SSE-S3, AES256) is not a customer KMS key.`,
            bucket.urn,
          );
          continue;
        }
        const problem = encryptionProblem(inline);
        if (problem) reportViolation(`Bucket ${bucket.name} ${problem}.`, bucket.urn);
      }
    },
  },
  { vendor: "aws", services: ["s3"], topics: ["encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
