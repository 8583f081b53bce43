import { describe, expect, it } from "@jest/globals";
import { TIERS, TIER_DEFAULTS, databaseSettingsSchema } from "@mlops/core";
import { MAX_BACKUP_RETENTION_DAYS } from "../defaults";
import { cloudSqlBackupRetention } from "./gcp-retention";

describe("Cloud SQL backup retention", () => {
  const accepted = Array.from({ length: 40 }, (_, i) => i).filter((d) => databaseSettingsSchema.shape.backupRetentionDays.safeParse(d).success);

  it("keeps more backups than days of transaction logs for every retention the schema accepts", () => {
    expect(accepted).toHaveLength(35);
    for (const days of accepted) {
      const r = cloudSqlBackupRetention(days);
      expect({ days, ok: r.retainedBackups > r.transactionLogRetentionDays }).toEqual({ days, ok: true });
      expect(r.transactionLogRetentionDays).toBeGreaterThanOrEqual(1);
      expect(r.transactionLogRetentionDays).toBeLessThanOrEqual(7);
      expect(r.retainedBackups).toBeGreaterThanOrEqual(days);
    }
  });

  it("holds for every tier's default (dev-tier GCP used to get 7 backups and 7 days of logs)", () => {
    for (const tier of TIERS) {
      const r = cloudSqlBackupRetention(Math.min(TIER_DEFAULTS[tier].backup.retentionDays, MAX_BACKUP_RETENTION_DAYS));
      expect(r.retainedBackups).toBeGreaterThan(r.transactionLogRetentionDays);
    }
    expect(cloudSqlBackupRetention(7)).toEqual({ retainedBackups: 7, transactionLogRetentionDays: 6 });
    expect(cloudSqlBackupRetention(1)).toEqual({ retainedBackups: 2, transactionLogRetentionDays: 1 });
  });
});
