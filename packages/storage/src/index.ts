export * from "./types";
export { ObjectStore, type ObjectStoreNative } from "./object-store";
export { withDefaults, ABORT_MULTIPART_AFTER_DAYS, type ResolvedObjectStoreArgs } from "./defaults";
export { MIN_COLD_TRANSITION_DAYS } from "./validate";
