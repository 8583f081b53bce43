import type { ReportViolation, ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { DB_CLUSTER, DB_INSTANCE, type NativeDatabase } from "./database";
import { isSetOrPending } from "../../lib/values";

function check(db: NativeDatabase, report: ReportViolation): void {
  if (db.storageEncrypted !== true) report("storageEncrypted is not true: storage, backups and snapshots are unencrypted. Set it with a customer-managed kmsKeyId.");
  else if (!isSetOrPending(() => db.kmsKeyId)) report("kmsKeyId is not set: storage is encrypted with the AWS-managed aws/rds key; name a customer-managed key.");
}

/** aws-native RDS instances and clusters encrypt storage with a customer KMS key. */
export const awsNativeRdsStorageEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-rds-storage-encrypted-with-kms",
    description:
      "aws-native RDS DbInstance and DbCluster resources must set storageEncrypted true with a customer-managed kmsKeyId; an " +
      "instance inside an Aurora cluster (dbClusterIdentifier) inherits the cluster's encryption and is checked there.",
    validateResource: [
      validateTypeToken<NativeDatabase>(DB_INSTANCE, (db, args, report) => {
        if (db.dbClusterIdentifier) args.notApplicable("an Aurora cluster member: the cluster's encryption applies");
        check(db, report);
      }),
      validateTypeToken<NativeDatabase>(DB_CLUSTER, (db, _args, report) => check(db, report)),
    ],
  },
  { vendor: "aws-native", services: ["rds"], topics: ["encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
