import type * as pulumi from "@pulumi/pulumi";
import { TIER_DEFAULTS, resolveBase, type ResolvedBase } from "@mlops/core";
import type { Backend, Tier } from "@mlops/core";
import type { DatabaseArgs } from "./types";

/** PostgreSQL major versions the three backends all offer (RDS, Cloud SQL, the official image). */
export const SUPPORTED_MAJOR_VERSIONS = ["13", "14", "15", "16", "17"] as const;
/** One of {@link SUPPORTED_MAJOR_VERSIONS}. */
export type PostgresMajorVersion = (typeof SUPPORTED_MAJOR_VERSIONS)[number];

/** The PostgreSQL port on every backend. */
export const POSTGRES_PORT = 5432;

/** Every arg resolved: what the backends build from. Optional only where "unset" means something. */
export interface ResolvedDatabaseArgs extends ResolvedBase {
  engineVersion: PostgresMajorVersion;
  databaseName: string;
  username: string;
  sizeGb: number;
  maxSizeGb: number;
  /** aws instance class or gcp machine tier; empty on kubernetes (requests come from the tier). */
  instanceClass: string;
  highAvailability: boolean;
  backupRetentionDays: number;
  deletionProtection: boolean;
  /** Unset: the aws and gcp backends create a customer-managed key. */
  kmsKeyId?: pulumi.Input<string>;
  /** UTC hour the daily backup starts, taken from the tier's backup schedule (dev 3, staging/prod 2). */
  backupStartHour: number;
}

function defaultInstanceClass(backend: Backend, tier: Tier): string {
  const db = TIER_DEFAULTS[tier].database;
  if (backend === "aws") return db.awsInstanceClass;
  if (backend === "gcp") return db.gcpTier;
  return "";
}

/** The hour field of a cron schedule such as `0 2 * * *`; 2 when it is not a plain hour. */
export function cronHour(schedule: string): number {
  const hour = Number(schedule.trim().split(/\s+/)[1]);
  return Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : 2;
}

/** Applies the secure, tier-driven defaults (TIER_DEFAULTS) to validated args. Pure. */
export function withDefaults(args: DatabaseArgs): ResolvedDatabaseArgs {
  const tier = TIER_DEFAULTS[args.tier];
  return {
    ...resolveBase(args),
    engineVersion: (args.engineVersion ?? "16") as PostgresMajorVersion,
    databaseName: args.databaseName ?? "mlops",
    username: args.username ?? "mlops_admin",
    sizeGb: args.sizeGb ?? tier.database.storageGb,
    // A size above the tier's ceiling raises the ceiling rather than failing.
    maxSizeGb: args.maxSizeGb ?? Math.max(tier.database.maxStorageGb, args.sizeGb ?? tier.database.storageGb),
    instanceClass: args.instanceClass ?? defaultInstanceClass(args.backend, args.tier),
    highAvailability: args.highAvailability ?? tier.highAvailability,
    backupRetentionDays: args.backupRetentionDays ?? tier.database.backupRetentionDays,
    deletionProtection: args.deletionProtection ?? args.tier === "prod",
    kmsKeyId: args.kmsKeyId,
    backupStartHour: cronHour(tier.backup.schedule),
  };
}
