import type * as pulumi from "@pulumi/pulumi";
import type { PlatformComponentArgs } from "@mlops/core";

export interface CacheArgs extends PlatformComponentArgs {
  /**
   * Redis version. Each backend accepts the versions its service offers (see ENGINE_VERSIONS):
   * aws "6.2" | "7.0" | "7.1", gcp "6.2" | "7.0" | "7.2", kubernetes "6.2" | "7.2" | "7.4".
   * Default: "7.1" on aws (newest ElastiCache Redis OSS), "7.2" on gcp and kubernetes.
   */
  engineVersion?: string;
  /** aws: node type, must start with "cache.". Default: the tier's (cache.t3.small, cache.t3.medium, cache.r6g.large). */
  nodeType?: string;
  /**
   * gcp: memory in GiB (integer 1..300); kubernetes: the container's memory limit.
   * Default: the tier's (1, 2, 5).
   */
  memorySizeGb?: number;
  /**
   * Replicas (integer 0..5). aws: read replicas (Multi-AZ with automatic failover when > 0);
   * gcp: STANDARD_HA when > 0, read replicas enabled when >= 2 (needs memorySizeGb >= 5);
   * kubernetes: must be 0 (a single primary; in-cluster replicas are not implemented).
   * Default: the tier's (0, 1, 2) on aws and gcp, 0 on kubernetes.
   */
  replicas?: number;
  /**
   * Customer-managed key for at-rest encryption: a KMS key ARN on aws, a Cloud KMS crypto key id
   * on gcp (the Memorystore service agent must hold encrypter/decrypter on it). Ignored on
   * kubernetes. Default: the component creates a rotated key (and, on gcp, the service agent's
   * grant on it).
   */
  kmsKeyId?: pulumi.Input<string>;
  /** kubernetes: size of the data volume in GiB (integer 1..1000). Default: the tier's kubernetes storageGb (10, 20, 50). */
  sizeGb?: number;
}

export interface CacheOutputs {
  host: pulumi.Output<string>;
  port: pulumi.Output<number>;
  /** Whether clients must use TLS (true on aws and gcp). */
  tls: pulumi.Output<boolean>;
  /** Secret. */
  authToken: pulumi.Output<string>;
  /** `rediss://:token@host:port` (or `redis://` in-cluster). Secret. */
  connectionUrl: pulumi.Output<string>;
}
