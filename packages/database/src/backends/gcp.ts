import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import type * as random from "@pulumi/random";
import { gcpKeyFor, gcpLabels, hourOfDay, physicalName, requirePlacement, type GcpCreatedKey } from "@mlops/core";
import { POSTGRES_PORT } from "../defaults";
import type { ResolvedDatabaseArgs } from "../defaults";
import { adminPassword, databaseOutputs } from "../connection";
import { cloudSqlBackupRetention } from "./gcp-retention";
import type { DatabaseOutputs } from "../types";

/** The native GCP resources behind a Database: the escape hatch. */
export interface GcpDatabaseNative {
  instance: gcp.sql.DatabaseInstance;
  database: gcp.sql.Database;
  user: gcp.sql.User;
  /** Set when `kmsKeyId` was not given: the key, the Cloud SQL service agent (`sql`) and its grant on the key. */
  cmek?: GcpCreatedKey;
  password: random.RandomPassword;
}

/** `db-perf-optimized-*` tiers exist only in Enterprise Plus; every other tier needs Enterprise. */
export function cloudSqlEdition(tier: string): "ENTERPRISE" | "ENTERPRISE_PLUS" {
  return tier.startsWith("db-perf-optimized-") ? "ENTERPRISE_PLUS" : "ENTERPRISE";
}

/**
 * Cloud SQL for PostgreSQL: private IP only on `placement.gcp.networkId`, TLS required, encrypted
 * with a customer key, daily backups with point-in-time recovery, deletion protection (API and
 * Pulumi side) and a final backup when `deletionProtection` is on.
 *
 * The instance name is fixed (`<stack>-<name>`, so stacks sharing a project don't collide) and Cloud
 * SQL keeps a deleted instance's name reserved for about a week: re-creating the component under
 * the same name fails in between.
 */
export function build(parent: pulumi.Resource, name: string, r: ResolvedDatabaseArgs): { outputs: DatabaseOutputs; native: GcpDatabaseNative } {
  const { project, region, networkId, dependsOn = [] } = requirePlacement(parent, r.placement, "gcp");
  const key = gcpKeyFor(parent, name, { given: r.kmsKeyId, project, location: region, tags: r.tags, protect: r.protect, agents: [{ short: "sql", service: "sqladmin.googleapis.com" }] });
  const retention = cloudSqlBackupRetention(r.backupRetentionDays);

  const instance = new gcp.sql.DatabaseInstance(`${name}-postgres`, {
    name: physicalName([pulumi.getStack(), name], 98),
    project,
    region,
    databaseVersion: `POSTGRES_${r.engineVersion}`,
    encryptionKeyName: key.keyId,
    deletionProtection: r.deletionProtection,
    settings: {
      tier: r.instanceClass,
      edition: cloudSqlEdition(r.instanceClass),
      availabilityType: r.highAvailability ? "REGIONAL" : "ZONAL",
      diskType: "PD_SSD",
      diskSize: r.sizeGb,
      diskAutoresize: true,
      diskAutoresizeLimit: r.maxSizeGb,
      ipConfiguration: { ipv4Enabled: false, privateNetwork: networkId, sslMode: "ENCRYPTED_ONLY", enablePrivatePathForGoogleCloudServices: false },
      backupConfiguration: {
        enabled: true,
        pointInTimeRecoveryEnabled: true,
        startTime: hourOfDay(r.backupStartHour),
        transactionLogRetentionDays: retention.transactionLogRetentionDays,
        backupRetentionSettings: { retainedBackups: retention.retainedBackups, retentionUnit: "COUNT" },
      },
      maintenanceWindow: { day: 7, hour: (r.backupStartHour + 2) % 24, updateTrack: "stable" },
      deletionProtectionEnabled: r.deletionProtection,
      retainBackupsOnDelete: r.deletionProtection,
      finalBackupConfig: r.deletionProtection ? { enabled: true, retentionDays: r.backupRetentionDays } : undefined,
      databaseFlags: [
        { name: "log_min_duration_statement", value: "1000" },
        { name: "log_connections", value: "on" },
        { name: "log_disconnections", value: "on" },
        { name: "cloudsql.iam_authentication", value: "on" },
      ],
      insightsConfig: { queryInsightsEnabled: true, queryStringLength: 1024, recordApplicationTags: false, recordClientAddress: false },
      userLabels: gcpLabels(r.tags),
    },
  }, { parent, protect: r.protect, dependsOn: [...dependsOn, ...key.dependsOn] });

  // ABANDON: PostgreSQL refuses to drop a role or database that still owns objects; deleting
  // the instance removes both anyway.
  const database = new gcp.sql.Database(`${name}-db`, { project, instance: instance.name, name: r.databaseName, deletionPolicy: "ABANDON" }, { parent, protect: r.protect });
  const password = adminPassword(parent, name, r);
  const user = new gcp.sql.User(`${name}-admin`, { project, instance: instance.name, name: r.username, password: password.result, deletionPolicy: "ABANDON" }, { parent });

  const outputs = databaseOutputs({ host: instance.privateIpAddress, port: POSTGRES_PORT, resolved: r, password, sslMode: "require" });
  return { outputs, native: { instance, database, user, ...(key.created ? { cmek: key.created } : {}), password } };
}
