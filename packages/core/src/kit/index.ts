export * from "./issues";
export * from "./suggest";
export * from "./settings";
export * from "./component";
export * from "./cron";
export * from "./customer-key";
export * from "./in-cluster-service";
