import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ReportViolation, type ResourceValidationPolicy } from "@pulumi/policy";

function check(db: { storageEncrypted?: boolean; kmsKeyId?: string }, report: ReportViolation): void {
  if (db.storageEncrypted !== true) report("storageEncrypted is not true: the database storage, backups and snapshots are unencrypted.");
  else if (!db.kmsKeyId) report("kmsKeyId is not set: storage is encrypted with the AWS-managed aws/rds key, not a customer KMS key.");
}

/** RDS instances and clusters encrypt storage with a customer KMS key. */
export const awsRdsStorageEncryptedWithKms: ResourceValidationPolicy = {
  name: "aws-rds-storage-encrypted-with-kms",
  description:
    "RDS instances and clusters must set storageEncrypted true with a customer-managed kmsKeyId: data at rest, automated " +
    "backups, read replicas and snapshots are then encrypted under a key whose policy we control.",
  validateResource: [
    validateResourceOfType(aws.rds.Instance, (db, _args, report) => check(db, report)),
    validateResourceOfType(aws.rds.Cluster, (db, _args, report) => check(db, report)),
  ],
};
