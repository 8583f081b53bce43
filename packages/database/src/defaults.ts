import type * as pulumi from "@pulumi/pulumi";
import { TIER_DEFAULTS, cronHour, type CompleteDatabaseSettings, type ResolvedBase } from "@mlops/core";
import type { DatabaseWiring } from "./types";

/** The PostgreSQL port on every backend. */
export const POSTGRES_PORT = 5432;
/** RDS and Cloud SQL keep automated backups for at most 35 days. */
export const MAX_BACKUP_RETENTION_DAYS = 35;

export type PostgresMajorVersion = CompleteDatabaseSettings["engineVersion"];

/** Every arg resolved: what the backends build from. */
export interface ResolvedDatabaseArgs extends ResolvedBase, Omit<CompleteDatabaseSettings, "backupRetentionDays"> {
  backupRetentionDays: number;
  /** Unset: the aws and gcp backends create a customer-managed key. */
  kmsKeyId?: pulumi.Input<string>;
  /** UTC hour the daily backup starts, from the backup schedule (dev 3, staging/prod 2). */
  backupStartHour: number;
  clientNamespaces: pulumi.Input<string>[];
}

/** The completed settings plus the wiring. Pure. */
export function resolveDatabase(settings: CompleteDatabaseSettings, base: ResolvedBase, wiring: DatabaseWiring): ResolvedDatabaseArgs {
  const backup = wiring.backup ?? TIER_DEFAULTS[base.tier].backup;
  return {
    ...base,
    ...settings,
    backupRetentionDays: settings.backupRetentionDays ?? Math.min(backup.retentionDays, MAX_BACKUP_RETENTION_DAYS),
    ...(wiring.kmsKeyId !== undefined ? { kmsKeyId: wiring.kmsKeyId } : {}),
    backupStartHour: cronHour(backup.schedule),
    clientNamespaces: wiring.clientNamespaces ?? [],
  };
}
