export * from "./types";
export { ObjectStore, OBJECT_STORE, type ObjectStoreNative } from "./object-store";
export { resolveObjectStore, ABORT_MULTIPART_AFTER_DAYS, COLDER_CLASS_AFTER_COLD_DAYS, type ResolvedObjectStoreArgs } from "./defaults";
export type { AwsObjectStoreNative } from "./backends/aws";
export type { GcpObjectStoreNative } from "./backends/gcp";
export type { KubernetesObjectStoreNative } from "./backends/kubernetes";
