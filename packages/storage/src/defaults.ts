import type * as pulumi from "@pulumi/pulumi";
import { TIER_DEFAULTS, resolveBase, type ResolvedBase } from "@mlops/core";
import type { ObjectStoreArgs } from "./types";

/** Incomplete multipart uploads are aborted after this many days on every backend that can. */
export const ABORT_MULTIPART_AFTER_DAYS = 7;

/**
 * Days an object spends in the first cold class (S3 STANDARD_IA, GCS NEARLINE) before the second
 * (S3 GLACIER_IR, GCS COLDLINE): 90 days, the colder classes' minimum storage duration. S3 needs
 * at least 30 between the two transitions.
 */
export const COLDER_CLASS_AFTER_COLD_DAYS = 90;

/** ObjectStoreArgs with every default applied; what the backends build from. */
export interface ResolvedObjectStoreArgs extends ResolvedBase {
  versioning: boolean;
  transitionToColdAfterDays: number;
  /**
   * Day of the second transition (GLACIER_IR / COLDLINE); absent when current objects expire
   * before it.
   */
  transitionToColderAfterDays?: number;
  expireNoncurrentAfterDays: number;
  expireAfterDays?: number;
  /** 0 except on gcp. */
  retentionDays: number;
  kmsKeyId?: pulumi.Input<string>;
  sizeGb: number;
  /** Absent: the endpoint takes the bucket's own region. */
  region?: string;
}

/**
 * The retention policy the args ask for: the caller's, else the tier's on gcp. Always 0 off gcp
 * (validation rejects a caller's value there).
 */
export function effectiveRetentionDays(args: ObjectStoreArgs): number {
  if (args.backend !== "gcp") return 0;
  return args.retentionDays ?? TIER_DEFAULTS[args.tier].objectStore.gcpRetentionDays;
}

/** Applies the tier's defaults. Pure: no resources, no config reads. */
export function withDefaults(args: ObjectStoreArgs): ResolvedObjectStoreArgs {
  const tier = TIER_DEFAULTS[args.tier];
  const retentionDays = effectiveRetentionDays(args);
  const cold = args.lifecycle?.transitionToColdAfterDays ?? tier.objectStore.transitionToColdAfterDays;
  const colder = cold + COLDER_CLASS_AFTER_COLD_DAYS;
  const expire = args.lifecycle?.expireAfterDays;
  return {
    ...resolveBase(args),
    // GCS cannot combine a retention policy with versioning: the retention policy wins by default.
    versioning: args.versioning ?? retentionDays === 0,
    transitionToColdAfterDays: cold,
    ...(expire === undefined || expire > colder ? { transitionToColderAfterDays: colder } : {}),
    expireNoncurrentAfterDays: args.lifecycle?.expireNoncurrentAfterDays ?? tier.objectStore.expireNoncurrentAfterDays,
    ...(expire !== undefined ? { expireAfterDays: expire } : {}),
    retentionDays,
    ...(args.kmsKeyId !== undefined ? { kmsKeyId: args.kmsKeyId } : {}),
    sizeGb: args.sizeGb ?? tier.kubernetes.storageGb,
    ...(args.region !== undefined ? { region: args.region } : {}),
  };
}
