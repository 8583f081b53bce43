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
    monthlyBudgetUsd: 2500,
  },
};
