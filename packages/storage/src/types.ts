import type * as pulumi from "@pulumi/pulumi";
import type { PlatformComponentArgs } from "@mlops/core";

export interface ObjectStoreLifecycle {
  /**
   * Move current objects to a cold class (S3 STANDARD_IA, GCS NEARLINE) after this many days, and
   * to a colder one (GLACIER_IR, COLDLINE) 90 days later unless they expire first. Default: the
   * tier's (30 dev / 60 staging / 90 prod).
   */
  transitionToColdAfterDays?: number;
  /** Delete non-current versions after this many days. Default: the tier's. */
  expireNoncurrentAfterDays?: number;
  /** Delete current objects after this many days. Default: never. */
  expireAfterDays?: number;
}

export interface ObjectStoreArgs extends PlatformComponentArgs {
  /**
   * Keep prior versions of every object. Default: true, except on gcp when a retention policy
   * applies (retentionDays > 0): GCS cannot combine the two, so `true` is rejected there.
   */
  versioning?: boolean;
  lifecycle?: ObjectStoreLifecycle;
  /** gcp: bucket retention policy in days, not locked (0 = none). Default: the tier's on gcp (30 in prod); only 0 on aws/kubernetes. */
  retentionDays?: number;
  /**
   * Customer-managed key: an AWS KMS key ARN or a GCP Cloud KMS crypto key id. When unset on
   * aws/gcp the component creates a key with rotation on. Ignored on kubernetes (MinIO).
   */
  kmsKeyId?: pulumi.Input<string>;
  /** kubernetes: MinIO volume size in GiB. Default: the tier's (10 / 20 / 50). */
  sizeGb?: number;
  /**
   * aws: the region in the `endpoint` output. It does not move the bucket: the bucket (and its
   * key) live in the provider's region. Default: the bucket's own region, as S3 reports it.
   */
  region?: string;
}

/** The same shape whatever the backend. */
export interface ObjectStoreOutputs {
  /** Bucket name (S3, GCS or MinIO bucket). */
  bucketName: pulumi.Output<string>;
  /** `s3://…`, `gs://…` or `s3://…` on MinIO. */
  url: pulumi.Output<string>;
  /** API endpoint clients talk to. */
  endpoint: pulumi.Output<string>;
  /** Key that encrypts the objects; empty on kubernetes. */
  kmsKeyId: pulumi.Output<string>;
}
