import { MAX_TRANSACTION_LOG_DAYS } from "@mlops/core";

/**
 * Cloud SQL's backup settings for a retention in days: point-in-time recovery keeps transaction
 * logs for 1 to 7 days, and Cloud SQL requires more retained backups than days of logs. So the
 * logs cover one day less than the backups (at least 1), and at least 2 backups are kept.
 * Pure and SDK-free so it can be tested for every retention the schema accepts.
 */
export function cloudSqlBackupRetention(backupRetentionDays: number): { retainedBackups: number; transactionLogRetentionDays: number } {
  const transactionLogRetentionDays = Math.min(MAX_TRANSACTION_LOG_DAYS, Math.max(1, backupRetentionDays - 1));
  return { retainedBackups: Math.max(backupRetentionDays, transactionLogRetentionDays + 1), transactionLogRetentionDays };
}
