export * from "./types";
export { ObjectStore, type ObjectStoreNative } from "./object-store";
export { withDefaults, ABORT_MULTIPART_AFTER_DAYS, COLDER_CLASS_AFTER_COLD_DAYS, type ResolvedObjectStoreArgs } from "./defaults";
export { MIN_COLD_TRANSITION_DAYS } from "./validate";
