import type * as pulumi from "@pulumi/pulumi";
import type { ComponentArgs, cacheSettingsSchema } from "@mlops/core";

/** What the Cache takes besides its settings: the stack's wiring. */
export interface CacheWiring {
  /**
   * Customer-managed key for at-rest encryption: a KMS key ARN (aws) or a Cloud KMS crypto key id
   * (gcp, with the Memorystore service agent already granted on it). Default: the component
   * creates one with rotation (on gcp also the service agent, through ServiceIdentity, and its
   * grant). kubernetes: no effect (the volume's StorageClass decides).
   */
  kmsKeyId?: pulumi.Input<string>;
  /**
   * The stack's backup policy: the cron schedule's hour starts the daily snapshot window (aws) and
   * places the weekly maintenance window three hours later (aws, gcp); the retention sets how many
   * days of ElastiCache snapshots are kept (at most 35). Default: the tier's (seed 001).
   * kubernetes: no effect (the AOF lives on the volume, which the cluster's backups cover).
   */
  backup?: { schedule: string; retentionDays: number };
  /** kubernetes: namespaces whose pods may connect, besides the cache's own. Default: none. aws/gcp: no effect (placement decides). */
  clientNamespaces?: pulumi.Input<string>[];
}

/**
 * Inputs of the `Cache` component: the shared args, the settings of the stack config's `cache`
 * section (see `cacheSettingsSchema` in @mlops/core for every limit and default), and the wiring.
 * One shape for every backend.
 */
export type CacheArgs = ComponentArgs<typeof cacheSettingsSchema, CacheWiring>;

/** What every backend returns. */
export interface CacheOutputs {
  /** Private address: the ElastiCache primary endpoint, the Memorystore IP or the in-cluster Service DNS name. */
  host: pulumi.Output<string>;
  /** 6379 (Memorystore with TLS: the instance's port, 6378). */
  port: pulumi.Output<number>;
  /** Whether clients must use TLS: true on aws and gcp, false in-cluster. */
  tls: pulumi.Output<boolean>;
  /**
   * PEM certificates a TLS client must trust to verify the server. gcp: Memorystore's own server
   * CA (not in any public trust store). aws: "" (ElastiCache certificates chain to Amazon's public
   * roots, in the system trust store). kubernetes: "" (no TLS).
   */
  caCertificate: pulumi.Output<string>;
  /** Secret. */
  authToken: pulumi.Output<string>;
  /** `rediss://:token@host:port` (`redis://` in-cluster). Secret. */
  connectionUrl: pulumi.Output<string>;
}
