import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { awsKeyFor } from "@mlops/core";
import { ABORT_MULTIPART_AFTER_DAYS, type ResolvedObjectStoreArgs } from "../defaults";
import type { ObjectStoreOutputs } from "../types";

/** The native AWS resources behind an ObjectStore: the escape hatch. */
export interface AwsObjectStoreNative {
  bucket: aws.s3.Bucket;
  encryption: aws.s3.BucketServerSideEncryptionConfiguration;
  publicAccessBlock: aws.s3.BucketPublicAccessBlock;
  ownership: aws.s3.BucketOwnershipControls;
  versioning: aws.s3.BucketVersioning;
  lifecycle: aws.s3.BucketLifecycleConfiguration;
  policy: aws.s3.BucketPolicy;
  /** Set when `kmsKeyId` was not given. */
  kmsKey?: aws.kms.Key;
}

/**
 * S3: SSE-KMS with a customer key and S3 Bucket Keys, versioning, every public access path
 * blocked, ACLs disabled, TLS-only bucket policy, and lifecycle rules (STANDARD_IA then GLACIER_IR,
 * non-current expiry, abandoned multipart uploads). The standalone S3 resources are used, as @pulumi/aws 7
 * recommends, and each is parented to the component.
 */
export function build(parent: pulumi.Resource, name: string, r: ResolvedObjectStoreArgs): { outputs: ObjectStoreOutputs; native: AwsObjectStoreNative } {
  const child = { parent };
  const tags = { ...r.tags };
  const { key: kmsKey, keyArn: kmsKeyId } = awsKeyFor(parent, name, { given: r.kmsKeyId, description: `Objects of the ${name} bucket`, tags, protect: r.protect });

  // Auto-named (globally unique); never forceDestroy: deleting a bucket with data must be deliberate.
  const bucket = new aws.s3.Bucket(`${name}-bucket`, { forceDestroy: false, tags }, { parent, protect: r.protect });
  const ownership = new aws.s3.BucketOwnershipControls(`${name}-ownership`, { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } }, child);
  const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
    `${name}-public-access`,
    { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
    child,
  );
  const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
    `${name}-encryption`,
    { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: kmsKeyId }, bucketKeyEnabled: true }] },
    child,
  );
  const versioning = new aws.s3.BucketVersioning(
    `${name}-versioning`,
    { bucket: bucket.id, versioningConfiguration: { status: r.versioning ? "Enabled" : "Suspended" } },
    child,
  );
  const lifecycle = new aws.s3.BucketLifecycleConfiguration(
    `${name}-lifecycle`,
    {
      bucket: bucket.id,
      rules: [
        {
          id: "tiering-and-expiry",
          status: "Enabled",
          filter: {},
          transitions: [
            { days: r.transitionToColdAfterDays, storageClass: "STANDARD_IA" },
            ...(r.transitionToColderAfterDays !== undefined ? [{ days: r.transitionToColderAfterDays, storageClass: "GLACIER_IR" }] : []),
          ],
          noncurrentVersionExpiration: { noncurrentDays: r.expireNoncurrentAfterDays },
          abortIncompleteMultipartUpload: { daysAfterInitiation: ABORT_MULTIPART_AFTER_DAYS },
          ...(r.expireAfterDays !== undefined ? { expiration: { days: r.expireAfterDays } } : {}),
        },
      ],
    },
    { parent, dependsOn: [versioning] },
  );
  const policy = new aws.s3.BucketPolicy(
    `${name}-tls-only`,
    {
      bucket: bucket.id,
      policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: [bucket.arn, pulumi.interpolate`${bucket.arn}/*`],
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          },
        ],
      }),
    },
    // The public access block must exist first, or S3 may judge the policy public.
    { parent, dependsOn: [publicAccessBlock] },
  );

  const bucketName = bucket.bucket;
  return {
    outputs: {
      bucketName,
      url: pulumi.interpolate`s3://${bucketName}`,
      endpoint: pulumi.interpolate`https://s3.${r.region ?? bucket.region}.amazonaws.com`,
      kmsKeyId,
    },
    native: { bucket, encryption, publicAccessBlock, ownership, versioning, lifecycle, policy, ...(kmsKey ? { kmsKey } : {}) },
  };
}
