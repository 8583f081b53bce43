export * from "./platform";
export * from "./tiers";
export * from "./tags";
export * from "./naming";
export * from "./component";
export * from "./config";
export * from "./keys";
export * from "./engines";
