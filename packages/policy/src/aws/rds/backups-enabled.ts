import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ReportViolation, type ResourceValidationPolicy } from "@pulumi/policy";

function check(retention: number | undefined, report: ReportViolation): void {
  // Unset means the AWS default of 1 day; 0 turns automated backups (and point-in-time recovery) off.
  if (retention !== undefined && retention < 1) report(`backupRetentionPeriod is ${retention}: automated backups are off.`);
}

/** RDS instances and clusters keep automated backups (retention of at least one day). */
export const awsRdsBackupsEnabled: ResourceValidationPolicy = {
  name: "aws-rds-backups-enabled",
  description:
    "RDS instances and clusters must keep automated backups (backupRetentionPeriod >= 1, unset means the AWS default of 1): " +
    "without them there is no point-in-time recovery (RPO 1 h). Read replicas are not checked.",
  validateResource: [
    validateResourceOfType(aws.rds.Instance, (db, args, report) => {
      if (db.replicateSourceDb) args.notApplicable("read replicas take no automated backups of their own");
      check(db.backupRetentionPeriod, report);
    }),
    validateResourceOfType(aws.rds.Cluster, (db, _args, report) => check(db.backupRetentionPeriod, report)),
  ],
};
