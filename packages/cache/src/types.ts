import type * as pulumi from "@pulumi/pulumi";
import type { PlatformComponentArgs } from "@mlops/core";

export interface CacheArgs extends PlatformComponentArgs {
  /** Redis version. Default: "7.1". */
  engineVersion?: string;
  /** aws: node type. Default: the tier's. */
  nodeType?: string;
  /** gcp: memory in GiB. Default: the tier's. */
  memorySizeGb?: number;
  /** Read replicas (aws, kubernetes); gcp uses STANDARD_HA when > 0. Default: the tier's (0, 1, 2). */
  replicas?: number;
  /** Customer-managed key for at-rest encryption (aws). When unset on aws the component creates one. */
  kmsKeyId?: pulumi.Input<string>;
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
