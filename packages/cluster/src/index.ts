export * from "./types";
export { Cluster, CLUSTER } from "./cluster";
export type { ClusterNative } from "./cluster";
export { resolveCluster, DEFAULT_KIND_CONTEXT } from "./defaults";
export type { ResolvedClusterArgs } from "./defaults";
export { POD_IDENTITY_TRUST } from "./pod-identity";
export type { PolicyStatement } from "./pod-identity";
export { workloadIdentity, bucketReadWriteStatements } from "./workload-identity";
export type { WorkloadIdentity, WorkloadIdentityArgs, WorkloadGrant } from "./workload-identity";
