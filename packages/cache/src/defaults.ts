import type * as pulumi from "@pulumi/pulumi";
import { TIER_DEFAULTS, resolveBase, type ResolvedBase } from "@mlops/core";
import type { Backend, Tier } from "@mlops/core";
import type { CacheArgs } from "./types";

/**
 * Redis versions each backend accepts, mapped to the service's own value: the ElastiCache
 * `engineVersion` (Redis OSS stops at 7.1 there; 7.2 is Valkey only), the Memorystore
 * `redisVersion`, or the pinned official container image (patched for CVE-2025-49844).
 */
export const ENGINE_VERSIONS: Readonly<Record<Backend, Readonly<Record<string, string>>>> = {
  aws: { "6.2": "6.2", "7.0": "7.0", "7.1": "7.1" },
  gcp: { "6.2": "REDIS_6_X", "7.0": "REDIS_7_0", "7.2": "REDIS_7_2" },
  kubernetes: { "6.2": "redis:6.2.20-alpine", "7.2": "redis:7.2.11-alpine", "7.4": "redis:7.4.6-alpine" },
};

/** The engine version used when `engineVersion` is unset: the newest one aws offers, 7.2 elsewhere. */
export const DEFAULT_ENGINE_VERSION: Readonly<Record<Backend, string>> = { aws: "7.1", gcp: "7.2", kubernetes: "7.2" };

/** Redis' port on aws and kubernetes (Memorystore with TLS listens on 6378: read the instance's port). */
export const REDIS_PORT = 6379;

/** ElastiCache keeps automatic snapshots for at most 35 days. */
export const MAX_SNAPSHOT_RETENTION_DAYS = 35;

/** Memorystore RDB snapshot period per tier: none in dev, daily in staging, hourly in prod (RPO 1 h). */
export const GCP_SNAPSHOT_PERIOD: Readonly<Record<Tier, "DISABLED" | "TWENTY_FOUR_HOURS" | "ONE_HOUR">> = {
  dev: "DISABLED",
  staging: "TWENTY_FOUR_HOURS",
  prod: "ONE_HOUR",
};

/** Weekly maintenance starts on Sunday, three hours after the backup hour. */
export const MAINTENANCE_DAY = "sun";

/** CacheArgs with every default applied; what the backends build from. */
export interface ResolvedCacheArgs extends ResolvedBase {
  engineVersion: string;
  /** The backend's own value for engineVersion (see ENGINE_VERSIONS). */
  engineNative: string;
  nodeType: string;
  memorySizeGb: number;
  replicas: number;
  kmsKeyId?: pulumi.Input<string>;
  sizeGb: number;
  /** aws: days of automatic snapshots kept: the tier's backup retention, at most 35. */
  snapshotRetentionDays: number;
  /** Hour (UTC, 0..23) backups start, from the tier's backup schedule. */
  backupHourUtc: number;
  /** Hour (UTC, 0..23) of the weekly maintenance window on MAINTENANCE_DAY. */
  maintenanceHourUtc: number;
  gcpSnapshotPeriod: (typeof GCP_SNAPSHOT_PERIOD)[Tier];
}

/** The hour field of a cron schedule (`m h dom mon dow`), or 2 when it is not a plain hour. */
export function cronHour(schedule: string): number {
  const hour = Number(schedule.trim().split(/\s+/)[1]);
  return Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : 2;
}

/** Applies the tier's defaults to validated args. Pure: no resources, no config reads. */
export function withDefaults(args: CacheArgs): ResolvedCacheArgs {
  const tier = TIER_DEFAULTS[args.tier];
  const engineVersion = args.engineVersion ?? DEFAULT_ENGINE_VERSION[args.backend];
  const engineNative = ENGINE_VERSIONS[args.backend][engineVersion];
  if (engineNative === undefined) {
    throw new Error(`engineVersion "${engineVersion}" is not supported on ${args.backend}; validate the args first`);
  }
  const backupHourUtc = cronHour(tier.backup.schedule);
  return {
    ...resolveBase(args),
    engineVersion,
    engineNative,
    nodeType: args.nodeType ?? tier.cache.awsNodeType,
    memorySizeGb: args.memorySizeGb ?? tier.cache.gcpMemorySizeGb,
    replicas: args.replicas ?? (args.backend === "kubernetes" ? 0 : tier.cache.replicas),
    kmsKeyId: args.kmsKeyId,
    sizeGb: args.sizeGb ?? tier.kubernetes.storageGb,
    snapshotRetentionDays: Math.min(tier.backup.retentionDays, MAX_SNAPSHOT_RETENTION_DAYS),
    backupHourUtc,
    maintenanceHourUtc: (backupHourUtc + 3) % 24,
    gcpSnapshotPeriod: GCP_SNAPSHOT_PERIOD[args.tier],
  };
}
