import type * as aws from "@pulumi/aws";
import type { ReportViolation, ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

function check(retention: number | undefined, report: ReportViolation): void {
  // Unset means the AWS default of 1 day; 0 turns automated backups (and point-in-time recovery) off.
  if (retention !== undefined && retention < 1) report(`backupRetentionPeriod is ${retention}: automated backups are off.`);
}

/** RDS instances and clusters keep automated backups (retention of at least one day). */
export const awsRdsBackupsEnabled = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-rds-backups-enabled",
    description:
      "RDS instances and clusters must keep automated backups (backupRetentionPeriod >= 1, unset means the AWS default of 1): " +
      "without them there is no point-in-time recovery (RPO 1 h). Read replicas are not checked.",
    validateResource: [
      validateTypeToken<aws.rds.InstanceArgs>("aws:rds/instance:Instance", (db, args, report) => {
        if (db.replicateSourceDb) args.notApplicable("read replicas take no automated backups of their own");
        check(db.backupRetentionPeriod, report);
      }),
      validateTypeToken<aws.rds.ClusterArgs>("aws:rds/cluster:Cluster", (db, _args, report) => check(db.backupRetentionPeriod, report)),
    ],
  },
  { vendor: "aws", services: ["rds"], topics: ["backup"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "medium" },
);
