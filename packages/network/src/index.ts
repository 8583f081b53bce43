export * from "./types";
export { Network, NETWORK } from "./network";
export type { NetworkNative } from "./network";
export { GCP_BASE_APIS, resolveNetwork } from "./defaults";
export type { ResolvedNetworkArgs } from "./defaults";
export type { AwsNetworkNative } from "./backends/aws";
export type { AwsFlowLogs } from "./backends/aws-flow-logs";
export type { AwsVpcEndpoints, InterfaceEndpoint } from "./backends/aws-endpoints";
export type { GcpNetworkNative } from "./backends/gcp";
