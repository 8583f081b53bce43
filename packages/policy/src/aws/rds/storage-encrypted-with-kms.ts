import type * as aws from "@pulumi/aws";
import type { ReportViolation, ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { isSetOrPending } from "../../lib/values";
import { validateTypeToken } from "../../lib/type-token";

function check(db: { storageEncrypted?: boolean; kmsKeyId?: string }, report: ReportViolation): void {
  if (db.storageEncrypted !== true) report("storageEncrypted is not true: the database storage, backups and snapshots are unencrypted.");
  else if (!isSetOrPending(() => db.kmsKeyId)) report("kmsKeyId is not set: storage is encrypted with the AWS-managed aws/rds key, not a customer KMS key.");
}

/** RDS instances and clusters encrypt storage with a customer KMS key. */
export const awsRdsStorageEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-rds-storage-encrypted-with-kms",
    description:
      "RDS instances and clusters must set storageEncrypted true with a customer-managed kmsKeyId: data at rest, automated " +
      "backups, read replicas and snapshots are then encrypted under a key whose policy we control.",
    validateResource: [
      validateTypeToken<aws.rds.InstanceArgs>("aws:rds/instance:Instance", (db, _args, report) => check(db, report)),
      validateTypeToken<aws.rds.ClusterArgs>("aws:rds/cluster:Cluster", (db, _args, report) => check(db, report)),
    ],
  },
  { vendor: "aws", services: ["rds"], topics: ["encryption"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "high" },
);
