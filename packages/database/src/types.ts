import type * as pulumi from "@pulumi/pulumi";
import type { ComponentArgs, databaseSettingsSchema } from "@mlops/core";

/** What the Database takes besides its settings: the stack's wiring. */
export interface DatabaseWiring {
  /**
   * Customer-managed key for storage encryption: a KMS key ARN (aws) or a Cloud KMS crypto key id
   * (gcp, with the Cloud SQL service agent already granted on it). Default: the component creates
   * one with rotation (and, on gcp, the service agent and its grant). kubernetes: no effect.
   */
  kmsKeyId?: pulumi.Input<string>;
  /**
   * The stack's backup policy: the cron schedule sets the daily backup hour, the retention the
   * default `backupRetentionDays` (at most 35). Default: the tier's (seed 001).
   */
  backup?: { schedule: string; retentionDays: number };
  /** kubernetes: namespaces whose pods may connect, besides the database's own. Default: none. */
  clientNamespaces?: pulumi.Input<string>[];
}

/**
 * Inputs of the `Database` component: the shared args, the settings of the stack config's
 * `database` section (see `databaseSettingsSchema` in @mlops/core for every limit and default),
 * and the wiring. One shape for every backend.
 */
export type DatabaseArgs = ComponentArgs<typeof databaseSettingsSchema, DatabaseWiring>;

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
   * kubernetes: `sslmode=disable`, the in-cluster server has no TLS (traffic stays in the cluster network).
   */
  connectionString: pulumi.Output<string>;
}
