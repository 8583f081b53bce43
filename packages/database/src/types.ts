import type * as pulumi from "@pulumi/pulumi";
import type { PlatformComponentArgs } from "@mlops/core";

/** Inputs of the `Database` component: one shape for every backend. */
export interface DatabaseArgs extends PlatformComponentArgs {
  /** PostgreSQL major version, "13" to "17". Default: "16". */
  engineVersion?: string;
  /** Initial database. Default: "mlops". */
  databaseName?: string;
  /** Admin user; its password is generated (@pulumi/random) and stays secret. Default: "mlops_admin". */
  username?: string;
  /** Storage in GiB. Default: the tier's (20 dev / 50 staging / 100 prod). */
  sizeGb?: number;
  /** Storage autoscaling ceiling in GiB (aws), disk autoresize limit (gcp); at least `sizeGb`. Default: the tier's (100 / 200 / 1000), raised to `sizeGb` when that is larger. */
  maxSizeGb?: number;
  /** aws: instance class; gcp: machine tier. Default: the tier's. kubernetes: no effect (requests from the tier). */
  instanceClass?: string;
  /**
   * Multi-AZ (aws) / REGIONAL availability (gcp). Default: the tier's (prod only).
   * kubernetes: no effect, the in-cluster PostgreSQL is a single instance (replication is out of scope).
   */
  highAvailability?: boolean;
  /** Days of automated backups, 1 to 35. Default: the tier's (7, 7, 30). kubernetes: no effect (Velero backs up volumes). */
  backupRetentionDays?: number;
  /**
   * Deletion protection and a final snapshot (aws) / final backup (gcp). Default: true in prod.
   * kubernetes: no native equivalent; `protect` guards the StatefulSet.
   */
  deletionProtection?: boolean;
  /**
   * Customer-managed key for storage encryption: a KMS key ARN (aws) or a Cloud KMS crypto key id (gcp,
   * with the Cloud SQL service agent already granted on it). Default: the component creates one with
   * rotation (aws and gcp). kubernetes: no effect.
   */
  kmsKeyId?: pulumi.Input<string>;
}

/** What every backend returns: where to connect and with which (secret) credentials. */
export interface DatabaseOutputs {
  /** Private address: RDS endpoint address, Cloud SQL private IP or the in-cluster Service DNS name. */
  host: pulumi.Output<string>;
  /** 5432. */
  port: pulumi.Output<number>;
  /** The initial database. */
  databaseName: pulumi.Output<string>;
  /** The admin user. */
  username: pulumi.Output<string>;
  /** Secret. */
  password: pulumi.Output<string>;
  /**
   * `postgresql://user:password@host:port/db?sslmode=require` (password URL-encoded). Secret.
   * kubernetes: `sslmode=disable`, the in-cluster server has no TLS (traffic stays in the namespace).
   */
  connectionString: pulumi.Output<string>;
}
