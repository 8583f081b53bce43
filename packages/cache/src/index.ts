export * from "./types";
export { Cache, CACHE } from "./cache";
export type { CacheNative } from "./cache";
export { resolveCache, REDIS_PORT, MAX_SNAPSHOT_RETENTION_DAYS, GCP_SNAPSHOT_PERIOD } from "./defaults";
export type { ResolvedCacheArgs } from "./defaults";
export { supportsTransitEncryptionMode } from "./backends/aws-tls";
export type { AwsCacheNative } from "./backends/aws";
export type { GcpCacheNative } from "./backends/gcp";
export type { KubernetesCacheNative } from "./backends/kubernetes";
