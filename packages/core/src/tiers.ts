import type { Tier } from "./platform";

/** Policy enforcement levels, as CrossGuard names them. */
export const ENFORCEMENT_LEVELS = ["advisory", "mandatory", "disabled"] as const;
export type EnforcementLevel = (typeof ENFORCEMENT_LEVELS)[number];

export const POD_SECURITY_LEVELS = ["privileged", "baseline", "restricted"] as const;
export type PodSecurityLevel = (typeof POD_SECURITY_LEVELS)[number];

export interface BackupDefaults {
  /** Cron schedule (UTC). Seed 001: weekly `0 3 * * 0` in dev, daily `0 2 * * *` in prod. */
  schedule: string;
  retentionDays: number;
  /** Copy backups to the DR region (seed 002: prod is multi-region). */
  crossRegionCopy: boolean;
}

/** Everything the tier decides unless the stack config overrides it (SPEC §3). */
export interface TierDefaults {
  /** `protect` on stateful resources (databases, buckets, caches). */
  protectStateful: boolean;
  /** Multi-AZ / regional HA for managed databases and caches. */
  highAvailability: boolean;
  backup: BackupDefaults;
  podSecurity: PodSecurityLevel;
  policyEnforcement: EnforcementLevel;
  /** NAT gateways: one shared in dev, one per AZ where HA matters. */
  natGateways: "single" | "one-per-az";
  database: { awsInstanceClass: string; gcpTier: string; storageGb: number; maxStorageGb: number; backupRetentionDays: number };
  cache: { awsNodeType: string; gcpMemorySizeGb: number; replicas: number };
  objectStore: { transitionToColdAfterDays: number; expireNoncurrentAfterDays: number; gcpRetentionDays: number };
  kubernetes: { storageGb: number };
  /** Days CloudWatch / Cloud Logging keeps the platform's own log groups (flow logs, database logs). */
  logRetentionDays: number;
  /** Budget in USD per month (seed 000 cost tiers: dev ~$300-600, prod ~$1200-2500). */
  monthlyBudgetUsd: number;
}

export const TIER_DEFAULTS: Readonly<Record<Tier, TierDefaults>> = {
  dev: {
    logRetentionDays: 30,
    protectStateful: false,
    highAvailability: false,
    backup: { schedule: "0 3 * * 0", retentionDays: 7, crossRegionCopy: false },
    podSecurity: "baseline",
    policyEnforcement: "advisory",
    natGateways: "single",
    database: { awsInstanceClass: "db.t3.medium", gcpTier: "db-custom-1-3840", storageGb: 20, maxStorageGb: 100, backupRetentionDays: 7 },
    cache: { awsNodeType: "cache.t3.small", gcpMemorySizeGb: 1, replicas: 0 },
    objectStore: { transitionToColdAfterDays: 30, expireNoncurrentAfterDays: 30, gcpRetentionDays: 0 },
    kubernetes: { storageGb: 10 },
    monthlyBudgetUsd: 600,
  },
  staging: {
    logRetentionDays: 90,
    protectStateful: true,
    highAvailability: false,
    backup: { schedule: "0 2 * * *", retentionDays: 7, crossRegionCopy: false },
    podSecurity: "baseline",
    policyEnforcement: "mandatory",
    natGateways: "single",
    database: { awsInstanceClass: "db.t3.large", gcpTier: "db-custom-2-7680", storageGb: 50, maxStorageGb: 200, backupRetentionDays: 7 },
    cache: { awsNodeType: "cache.t3.medium", gcpMemorySizeGb: 2, replicas: 1 },
    objectStore: { transitionToColdAfterDays: 60, expireNoncurrentAfterDays: 60, gcpRetentionDays: 0 },
    kubernetes: { storageGb: 20 },
    monthlyBudgetUsd: 1200,
  },
  prod: {
    logRetentionDays: 365,
    protectStateful: true,
    highAvailability: true,
    backup: { schedule: "0 2 * * *", retentionDays: 30, crossRegionCopy: true },
    podSecurity: "restricted",
    policyEnforcement: "mandatory",
    natGateways: "one-per-az",
    database: { awsInstanceClass: "db.r6g.large", gcpTier: "db-custom-4-15360", storageGb: 100, maxStorageGb: 1000, backupRetentionDays: 30 },
    cache: { awsNodeType: "cache.r6g.large", gcpMemorySizeGb: 5, replicas: 2 },
    objectStore: { transitionToColdAfterDays: 90, expireNoncurrentAfterDays: 90, gcpRetentionDays: 30 },
    kubernetes: { storageGb: 50 },
    monthlyBudgetUsd: 2500,
  },
};
