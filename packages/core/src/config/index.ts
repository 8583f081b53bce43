export * from "./errors";
export * from "./slots";
export * from "./schema";
export * from "./resolve";
