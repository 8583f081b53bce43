import type * as pulumi from "@pulumi/pulumi";
import { TIER_DEFAULTS, resolveBase, type ResolvedBase } from "@mlops/core";
import type { ObjectStoreArgs } from "./types";

/** Incomplete multipart uploads are aborted after this many days on every backend that can. */
export const ABORT_MULTIPART_AFTER_DAYS = 7;

/** ObjectStoreArgs with every default applied; what the backends build from. */
export interface ResolvedObjectStoreArgs extends ResolvedBase {
  versioning: boolean;
  transitionToColdAfterDays: number;
  expireNoncurrentAfterDays: number;
  expireAfterDays?: number;
  retentionDays: number;
  kmsKeyId?: pulumi.Input<string>;
  sizeGb: number;
  region: string;
}

/** Applies the tier's defaults. Pure: no resources, no config reads. */
export function withDefaults(args: ObjectStoreArgs): ResolvedObjectStoreArgs {
  const tier = TIER_DEFAULTS[args.tier];
  return {
    ...resolveBase(args),
    versioning: args.versioning ?? true,
    transitionToColdAfterDays: args.lifecycle?.transitionToColdAfterDays ?? tier.objectStore.transitionToColdAfterDays,
    expireNoncurrentAfterDays: args.lifecycle?.expireNoncurrentAfterDays ?? tier.objectStore.expireNoncurrentAfterDays,
    ...(args.lifecycle?.expireAfterDays !== undefined ? { expireAfterDays: args.lifecycle.expireAfterDays } : {}),
    retentionDays: args.retentionDays ?? tier.objectStore.gcpRetentionDays,
    ...(args.kmsKeyId !== undefined ? { kmsKeyId: args.kmsKeyId } : {}),
    sizeGb: args.sizeGb ?? tier.kubernetes.storageGb,
    region: args.region ?? "us-east-1",
  };
}
