import { z } from "zod";
import type { Backend, Tier } from "../platform";
import { POSTGRES_VERSIONS, DEFAULT_POSTGRES_VERSION } from "../engines";
import { defineSettings } from "../kit/settings";
import type { SettingIssue } from "../kit/issues";

/** Lowercase PostgreSQL identifier that needs no quoting, at most 63 characters. */
export const POSTGRES_IDENTIFIER = /^[a-z][a-z0-9_]{0,62}$/;
/** Role names the engines or the managed services keep for themselves (plus the `pg_` prefix). */
export const RESERVED_USERNAMES = ["postgres", "rdsadmin", "admin", "rds_superuser", "cloudsqladmin", "cloudsqlsuperuser"];
/** Databases that already exist on every PostgreSQL server. */
export const RESERVED_DATABASE_NAMES = ["postgres", "template0", "template1", "rdsadmin", "cloudsqladmin"];
/** gp3 needs 20 GiB on RDS; RDS gp3 and Cloud SQL stop at 64 TiB. */
export const MIN_DB_SIZE_GB = 20;
export const MAX_DB_SIZE_GB = 65536;
/**
 * RDS storage autoscaling: `maxAllocatedStorage` must be at least 10 % above `allocatedStorage`
 * (RDS rejects a smaller ceiling), so a ceiling closer than that is omitted (autoscaling off).
 */
export const AUTOSCALING_HEADROOM_PERCENT = 10;

/** The smallest autoscaling ceiling RDS accepts for a size (integer GiB, no float rounding). */
export function minCeiling(sizeGb: number): number {
  return Math.ceil((sizeGb * (100 + AUTOSCALING_HEADROOM_PERCENT)) / 100);
}

function hasHeadroom(sizeGb: number, ceiling: number): boolean {
  return ceiling * 100 >= sizeGb * (100 + AUTOSCALING_HEADROOM_PERCENT);
}
/** Cloud SQL (Enterprise) keeps transaction logs for 1 to 7 days. */
export const MAX_TRANSACTION_LOG_DAYS = 7;

/** Per-tier defaults of the Database (seeds 000 and 002 sizes). */
export const DATABASE_TIER_DEFAULTS: Readonly<Record<Tier, { awsInstanceClass: string; gcpTier: string; sizeGb: number; maxSizeGb: number; highAvailability: boolean; deletionProtection: boolean }>> = {
  dev: { awsInstanceClass: "db.t3.medium", gcpTier: "db-custom-1-3840", sizeGb: 20, maxSizeGb: 100, highAvailability: false, deletionProtection: false },
  staging: { awsInstanceClass: "db.t3.large", gcpTier: "db-custom-2-7680", sizeGb: 50, maxSizeGb: 200, highAvailability: false, deletionProtection: false },
  prod: { awsInstanceClass: "db.r6g.large", gcpTier: "db-custom-4-15360", sizeGb: 100, maxSizeGb: 1000, highAvailability: true, deletionProtection: true },
};

const identifier = z.string().regex(POSTGRES_IDENTIFIER, `must match ${POSTGRES_IDENTIFIER.source} (lowercase, no quoting needed)`);

export const databaseSettingsSchema = z.strictObject({
  /** PostgreSQL major version, the same on RDS, Cloud SQL and the official image. Default "16". */
  engineVersion: z.enum(POSTGRES_VERSIONS).optional(),
  /** Initial database. Default "mlops". */
  databaseName: identifier.refine((v) => !RESERVED_DATABASE_NAMES.includes(v), `must not be one of ${RESERVED_DATABASE_NAMES.join(", ")}`).optional(),
  /** Admin user; its password is generated and stays secret. Default "mlops_admin". */
  username: identifier.refine((v) => !RESERVED_USERNAMES.includes(v) && !v.startsWith("pg_"), `must not be one of ${RESERVED_USERNAMES.join(", ")} nor start with pg_`).optional(),
  /** Storage in GiB. Default: the tier's (20 / 50 / 100). */
  sizeGb: z.number().int().min(MIN_DB_SIZE_GB).max(MAX_DB_SIZE_GB).optional(),
  /** Autoscaling ceiling (aws) / autoresize limit (gcp), GiB. Default: the tier's, raised with sizeGb; omitted when under 10 % above sizeGb. */
  maxSizeGb: z.number().int().min(MIN_DB_SIZE_GB).max(MAX_DB_SIZE_GB).optional(),
  /** aws instance class (`db.t3.medium`), gcp machine tier (`db-custom-2-7680`). Default: the tier's. kubernetes: no effect. */
  instanceClass: z.string().regex(/^(db\.[a-z0-9-]+\.[a-z0-9]+|db-[a-z0-9-]+)$/, 'must be an RDS instance class ("db.t3.medium") or a Cloud SQL tier ("db-custom-2-7680")').optional(),
  /** Multi-AZ (aws) / REGIONAL (gcp). Default: prod only. kubernetes: single instance. */
  highAvailability: z.boolean().optional(),
  /** Days of automated backups, 1 to 35. Default: the stack's backup retention, at most 35. */
  backupRetentionDays: z.number().int().min(1).max(35).optional(),
  /** Deletion protection and a final snapshot / backup. Default: prod only. */
  deletionProtection: z.boolean().optional(),
});

export type DatabaseSettings = z.output<typeof databaseSettingsSchema>;

/** The completed settings; `backupRetentionDays` is completed by the component from the stack's backup policy. */
export interface CompleteDatabaseSettings {
  engineVersion: (typeof POSTGRES_VERSIONS)[number];
  databaseName: string;
  username: string;
  sizeGb: number;
  /** Undefined: no storage autoscaling (the ceiling would not be 10 % above the size). */
  maxSizeGb: number | undefined;
  instanceClass: string;
  highAvailability: boolean;
  backupRetentionDays: number | undefined;
  deletionProtection: boolean;
}

function defaultInstanceClass(backend: Backend, tier: Tier): string {
  const t = DATABASE_TIER_DEFAULTS[tier];
  return backend === "aws" ? t.awsInstanceClass : backend === "gcp" ? t.gcpTier : "";
}

export const databaseSettings = defineSettings({
  section: "database",
  schema: databaseSettingsSchema,
  toggle: true,
  complete(given, { backend, tier }): CompleteDatabaseSettings {
    const t = DATABASE_TIER_DEFAULTS[tier];
    const sizeGb = given.sizeGb ?? t.sizeGb;
    // An unset ceiling follows a larger size (with the headroom RDS needs); a set one is checked.
    const ceiling = given.maxSizeGb ?? Math.max(t.maxSizeGb, minCeiling(sizeGb));
    return {
      engineVersion: given.engineVersion ?? DEFAULT_POSTGRES_VERSION,
      databaseName: given.databaseName ?? "mlops",
      username: given.username ?? "mlops_admin",
      sizeGb,
      maxSizeGb: ceiling <= MAX_DB_SIZE_GB && hasHeadroom(sizeGb, ceiling) ? ceiling : undefined,
      instanceClass: given.instanceClass ?? defaultInstanceClass(backend, tier),
      highAvailability: given.highAvailability ?? t.highAvailability,
      backupRetentionDays: given.backupRetentionDays,
      deletionProtection: given.deletionProtection ?? t.deletionProtection,
    };
  },
  check(c, given, { backend }): SettingIssue[] {
    const issues: SettingIssue[] = [];
    if (given.maxSizeGb !== undefined && !hasHeadroom(c.sizeGb, given.maxSizeGb)) {
      issues.push({
        path: ["maxSizeGb"],
        value: given.maxSizeGb,
        message: `${given.maxSizeGb} is not allowed: must be at least 10 % above sizeGb (${c.sizeGb}), i.e. >= ${minCeiling(c.sizeGb)}, or unset`,
      });
    }
    if (given.instanceClass !== undefined && backend === "aws" && !given.instanceClass.startsWith("db.")) {
      issues.push({ path: ["instanceClass"], value: given.instanceClass, message: `"${given.instanceClass}" is not allowed on aws: use an RDS instance class such as "db.t3.medium"` });
    }
    if (given.instanceClass !== undefined && backend === "gcp" && !given.instanceClass.startsWith("db-")) {
      issues.push({ path: ["instanceClass"], value: given.instanceClass, message: `"${given.instanceClass}" is not allowed on gcp: use a Cloud SQL tier such as "db-custom-2-7680"` });
    }
    return issues;
  },
  noEffect: {
    kubernetes: {
      highAvailability: "PostgreSQL runs as a single instance in-cluster",
      instanceClass: "requests and limits come from the tier",
      backupRetentionDays: "Velero backs up the volume on the stack's backup schedule",
      deletionProtection: "`protect` guards the StatefulSet",
      maxSizeGb: "a volume claim does not autoscale",
    },
  },
});
