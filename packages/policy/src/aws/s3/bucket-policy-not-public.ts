import type { ResourceValidationPolicy } from "@pulumi/policy";
import { validatePolicyInput } from "../../lib/aws-policy-document";
import { definePolicy } from "../../lib/registry";

/**
 * No S3 bucket policy grants access to everyone: a statement that allows Principal "*" (or
 * uses NotPrincipal) must carry a condition that restricts the caller (source account, ARN,
 * organization, VPC endpoint, IP range). Checked on `aws.s3.BucketPolicy` and on a bucket's
 * inline `policy`. The public access block stops such a policy at AWS; this catches it in review.
 */
export const awsS3BucketPolicyNotPublic = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-s3-bucket-policy-not-public",
    description:
      'S3 bucket policies (aws.s3.BucketPolicy, a bucket\'s inline policy) must not allow Principal "*" without a condition ' +
      "that restricts the caller (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, aws:SourceVpce, ...): such a statement " +
      "opens the bucket's objects to anyone on the internet.",
    validateResource: [
      validatePolicyInput("aws:s3/bucketPolicy:BucketPolicy", "The bucket policy"),
      validatePolicyInput("aws:s3/bucket:Bucket", "The bucket's inline policy"),
      validatePolicyInput("aws:s3/bucketV2:BucketV2", "The bucket's inline policy"),
    ],
  },
  { vendor: "aws", services: ["s3"], topics: ["access"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "critical" },
);
