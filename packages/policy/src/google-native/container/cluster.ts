/** A node configuration (cluster `nodeConfig`, `nodePools[].config`, NodePool `config`). */
export interface NativeNodeConfig {
  shieldedInstanceConfig?: { enableSecureBoot?: boolean };
  workloadMetadataConfig?: { mode?: string };
}

/** The google-native GKE cluster inputs the container policies read (v1 and v1beta1 share them). */
export interface NativeGkeCluster {
  autopilot?: { enabled?: boolean };
  privateClusterConfig?: { enablePrivateNodes?: boolean; enablePrivateEndpoint?: boolean };
  databaseEncryption?: { state?: string; keyName?: string };
  shieldedNodes?: { enabled?: boolean };
  workloadIdentityConfig?: { workloadPool?: string };
  nodeConfig?: NativeNodeConfig;
  nodePools?: { name?: string; config?: NativeNodeConfig }[];
}

export const GKE_CLUSTER_TYPES: readonly string[] = ["google-native:container/v1:Cluster", "google-native:container/v1beta1:Cluster"];
export const GKE_NODE_POOL_TYPES: readonly string[] = ["google-native:container/v1:NodePool", "google-native:container/v1beta1:NodePool"];

/** The node configurations a cluster states inline, with where (for messages); none for Autopilot. */
export function inlineNodeConfigs(cluster: NativeGkeCluster): { where: string; config: NativeNodeConfig | undefined }[] {
  if (cluster.autopilot?.enabled === true) return [];
  const pools = cluster.nodePools ?? [];
  if (pools.length === 0) return [{ where: "nodeConfig", config: cluster.nodeConfig }];
  return pools.map((pool, i) => ({ where: `nodePools[${i}] (${pool.name ?? "?"}).config`, config: pool.config }));
}
