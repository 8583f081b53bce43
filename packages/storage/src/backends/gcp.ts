import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import { gcpKeyFor, gcpLabels, requirePlacement, type GcpCreatedKey } from "@mlops/core";
import { ABORT_MULTIPART_AFTER_DAYS, type ResolvedObjectStoreArgs } from "../defaults";
import type { ObjectStoreOutputs } from "../types";

/** The native GCP resources behind an ObjectStore: the escape hatch. */
export interface GcpObjectStoreNative {
  bucket: gcp.storage.Bucket;
  /**
   * Set when `kmsKeyId` was not given: the key and the Cloud Storage service agent's (`storage`)
   * grant on it, which the bucket waits for.
   */
  cmek?: GcpCreatedKey;
}

/** Cold data moves to NEARLINE (read about once a month), then to COLDLINE (once a quarter). */
const COLD_STORAGE_CLASS = "NEARLINE";
const COLDER_STORAGE_CLASS = "COLDLINE";

/**
 * GCS: uniform bucket-level access, public access prevention enforced, CMEK (a customer key
 * rotated every 90 days, granted to the project's Cloud Storage service agent), versioning,
 * lifecycle rules and, when retentionDays > 0, a retention policy (not locked: locking is
 * irreversible and is left to an explicit decision). GCS cannot combine a retention policy with
 * versioning, so versioning defaults to off when a retention policy applies (objectStoreSettings).
 */
export function build(parent: pulumi.Resource, name: string, r: ResolvedObjectStoreArgs): { outputs: ObjectStoreOutputs; native: GcpObjectStoreNative } {
  const placement = requirePlacement(parent, r.placement, "gcp");
  const child = { parent };
  // The Cloud Storage agent is not a ServiceIdentity: reading it (getProjectServiceAccount) creates it.
  const agent = r.kmsKeyId === undefined ? gcp.storage.getProjectServiceAccountOutput({ project: placement.project }, child) : undefined;
  const key = gcpKeyFor(parent, name, {
    given: r.kmsKeyId,
    project: placement.project,
    location: placement.region,
    tags: r.tags,
    protect: r.protect,
    agents: agent ? [{ short: "storage", member: pulumi.interpolate`serviceAccount:${agent.emailAddress}` }] : [],
  });
  const kmsKeyId = key.keyId;

  const lifecycleRules: gcp.types.input.storage.BucketLifecycleRule[] = [
    { action: { type: "SetStorageClass", storageClass: COLD_STORAGE_CLASS }, condition: { age: r.transitionToColdAfterDays, matchesStorageClasses: ["STANDARD"] } },
    ...(r.transitionToColderAfterDays !== undefined
      ? [{ action: { type: "SetStorageClass", storageClass: COLDER_STORAGE_CLASS }, condition: { age: r.transitionToColderAfterDays, matchesStorageClasses: [COLD_STORAGE_CLASS] } }]
      : []),
    { action: { type: "Delete" }, condition: { daysSinceNoncurrentTime: r.expireNoncurrentAfterDays, withState: "ARCHIVED" } },
    { action: { type: "AbortIncompleteMultipartUpload" }, condition: { age: ABORT_MULTIPART_AFTER_DAYS } },
    ...(r.expireAfterDays !== undefined ? [{ action: { type: "Delete" }, condition: { age: r.expireAfterDays, withState: "LIVE" } }] : []),
  ];

  const bucket = new gcp.storage.Bucket(
    `${name}-bucket`,
    {
      project: placement.project,
      location: placement.region.toUpperCase(),
      uniformBucketLevelAccess: true,
      publicAccessPrevention: "enforced",
      versioning: { enabled: r.versioning },
      encryption: { defaultKmsKeyName: kmsKeyId },
      lifecycleRules,
      ...(r.retentionDays > 0 ? { retentionPolicy: { retentionPeriod: String(r.retentionDays * 86400) } } : {}),
      forceDestroy: false,
      labels: gcpLabels(r.tags),
    },
    // The service agent must be able to use the key before the bucket is created with it.
    { parent, protect: r.protect, dependsOn: key.dependsOn },
  );

  return {
    outputs: {
      bucketName: bucket.name,
      url: pulumi.interpolate`gs://${bucket.name}`,
      endpoint: pulumi.output("https://storage.googleapis.com"),
      kmsKeyId,
    },
    native: { bucket, ...(key.created ? { cmek: key.created } : {}) },
  };
}
