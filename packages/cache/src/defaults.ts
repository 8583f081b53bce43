import type * as pulumi from "@pulumi/pulumi";
import { REDIS_VERSIONS, TIER_DEFAULTS, cronHour, type CompleteCacheSettings, type ResolvedBase, type Tier } from "@mlops/core";
import type { CacheWiring } from "./types";

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

/** Weekly maintenance is on Sunday, three hours after the backup hour. */
export const MAINTENANCE_DAY = "sun";
export const MAINTENANCE_AFTER_BACKUP_HOURS = 3;

/** Every arg resolved: what the backends build from. */
export interface ResolvedCacheArgs extends ResolvedBase, CompleteCacheSettings {
  /** The backend's own value for engineVersion (see REDIS_VERSIONS). */
  engineNative: string;
  /** Unset: the aws and gcp backends create a customer-managed key. */
  kmsKeyId?: pulumi.Input<string>;
  /** aws: days of automatic snapshots kept: the backup retention, at most 35. */
  snapshotRetentionDays: number;
  /** Hour (UTC, 0..23) backups start, from the backup schedule. */
  backupHourUtc: number;
  /** Hour (UTC, 0..23) of the weekly maintenance window on MAINTENANCE_DAY. */
  maintenanceHourUtc: number;
  gcpSnapshotPeriod: (typeof GCP_SNAPSHOT_PERIOD)[Tier];
  clientNamespaces: pulumi.Input<string>[];
}

/** The completed (and checked) settings plus the wiring. Pure. */
export function resolveCache(settings: CompleteCacheSettings, base: ResolvedBase, wiring: CacheWiring): ResolvedCacheArgs {
  const backup = wiring.backup ?? TIER_DEFAULTS[base.tier].backup;
  const backupHourUtc = cronHour(backup.schedule);
  return {
    ...base,
    ...settings,
    // The settings check rejected a version the backend does not offer.
    engineNative: REDIS_VERSIONS[base.backend][settings.engineVersion] ?? settings.engineVersion,
    ...(wiring.kmsKeyId !== undefined ? { kmsKeyId: wiring.kmsKeyId } : {}),
    snapshotRetentionDays: Math.min(backup.retentionDays, MAX_SNAPSHOT_RETENTION_DAYS),
    backupHourUtc,
    maintenanceHourUtc: (backupHourUtc + MAINTENANCE_AFTER_BACKUP_HOURS) % 24,
    gcpSnapshotPeriod: GCP_SNAPSHOT_PERIOD[base.tier],
    clientNamespaces: wiring.clientNamespaces ?? [],
  };
}
