export * from "./errors";
export * from "./slots";
export * from "./schema";
export * from "./keys";
export * from "./stack-config";
export * from "./resolve";
