import type * as pulumi from "@pulumi/pulumi";
import type { PlatformComponentArgs } from "@mlops/core";

export interface DatabaseArgs extends PlatformComponentArgs {
  /** PostgreSQL major version. Default: "16". */
  engineVersion?: string;
  /** Initial database. Default: "mlops". */
  databaseName?: string;
  /** Admin user; its password is generated (@pulumi/random) and stays secret. Default: "mlops_admin". */
  username?: string;
  /** Storage in GiB. Default: the tier's (20 dev / 50 staging / 100 prod). */
  sizeGb?: number;
  /** aws: storage autoscaling ceiling in GiB. Default: the tier's. */
  maxSizeGb?: number;
  /** aws: instance class; gcp: machine tier. Default: the tier's. */
  instanceClass?: string;
  /** Multi-AZ (aws) / REGIONAL availability (gcp) / 2 replicas (kubernetes)... Default: the tier's (prod only). */
  highAvailability?: boolean;
  /** Days of automated backups. Default: the tier's (7, 7, 30). */
  backupRetentionDays?: number;
  /** Deletion protection and a final snapshot. Default: true in prod. */
  deletionProtection?: boolean;
  /** Customer-managed key for storage encryption; when unset on aws the component creates one with rotation. */
  kmsKeyId?: pulumi.Input<string>;
}

export interface DatabaseOutputs {
  host: pulumi.Output<string>;
  port: pulumi.Output<number>;
  databaseName: pulumi.Output<string>;
  username: pulumi.Output<string>;
  /** Secret. */
  password: pulumi.Output<string>;
  /** `postgresql://user:password@host:port/db?sslmode=require`. Secret. */
  connectionString: pulumi.Output<string>;
}
