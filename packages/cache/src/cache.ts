import type * as pulumi from "@pulumi/pulumi";
import { PlatformComponent, cacheSettings, checkPrivatePlacement, type ComponentDefinition } from "@mlops/core";
import { resolveCache, type ResolvedCacheArgs } from "./defaults";
import type { CacheArgs, CacheOutputs, CacheWiring } from "./types";
import type { AwsCacheNative } from "./backends/aws";
import type { GcpCacheNative } from "./backends/gcp";
import type { KubernetesCacheNative } from "./backends/kubernetes";

/** The native resources behind a Cache; only the active backend's entry is set. */
export type CacheNative = { aws?: AwsCacheNative; gcp?: GcpCacheNative; kubernetes?: KubernetesCacheNative };

/** The Cache, declared once: settings, wiring checks, resolution and the implementation table. */
export const CACHE: ComponentDefinition<typeof cacheSettings.schema, ReturnType<typeof cacheSettings.complete>, CacheWiring, ResolvedCacheArgs, CacheOutputs, CacheNative> = {
  type: "mlops:cache:Cache",
  settings: cacheSettings,
  validateWiring: (args, fail) => checkPrivatePlacement(args, "Redis", fail),
  resolve: resolveCache,
  // One engine per backend: Redis (ElastiCache Redis OSS, Memorystore for Redis, the official image).
  engine: () => "redis",
  implementations: {
    aws: { redis: () => require("./backends/aws") as typeof import("./backends/aws") },
    gcp: { redis: () => require("./backends/gcp") as typeof import("./backends/gcp") },
    kubernetes: { redis: () => require("./backends/kubernetes") as typeof import("./backends/kubernetes") },
  },
  secretOutputs: ["authToken", "connectionUrl"],
};

/**
 * A Redis cache: ElastiCache (aws), Memorystore (gcp) or an in-cluster StatefulSet (kubernetes),
 * with one args and one outputs shape. Secure by default: AUTH always, TLS and customer-key
 * encryption at rest on the clouds, private networking only, `protect` outside dev.
 */
export class Cache extends PlatformComponent<CacheOutputs, CacheNative> implements CacheOutputs {
  declare public readonly host: pulumi.Output<string>;
  declare public readonly port: pulumi.Output<number>;
  declare public readonly tls: pulumi.Output<boolean>;
  /** PEM server CA a TLS client must trust ("" where none is needed). */
  declare public readonly caCertificate: pulumi.Output<string>;
  /** Secret. */
  declare public readonly authToken: pulumi.Output<string>;
  /** Secret. */
  declare public readonly connectionUrl: pulumi.Output<string>;

  constructor(name: string, args: CacheArgs, opts?: pulumi.ComponentResourceOptions) {
    super(CACHE, name, args, opts);
  }
}
