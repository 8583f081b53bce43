export * from "./types";
export { Cache } from "./cache";
export type { CacheNative } from "./cache";
export { withDefaults, ENGINE_VERSIONS, DEFAULT_ENGINE_VERSION, REDIS_PORT } from "./defaults";
export type { ResolvedCacheArgs } from "./defaults";
export { validateArgs } from "./validate";
export type { AwsCacheNative } from "./backends/aws";
export type { GcpCacheNative } from "./backends/gcp";
export type { KubernetesCacheNative } from "./backends/kubernetes";
