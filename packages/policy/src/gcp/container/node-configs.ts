import type * as gcp from "@pulumi/gcp";
import type { Unwrap } from "@pulumi/pulumi";

/** A GKE cluster's inputs, as the policies read them. */
export type ClusterProps = Unwrap<gcp.container.ClusterArgs>;

/** The node settings the policies read (same fields on Cluster, its inline pools and NodePool). */
export interface NodeConfig {
  shieldedInstanceConfig?: { enableSecureBoot?: boolean };
  workloadMetadataConfig?: { mode: string };
}

/** A node configuration and where it sits in the resource's inputs (for messages). */
export interface NodeConfigAt {
  /** Input path of the node configuration, e.g. `nodeConfig`, `nodePools[0] ("gpu").nodeConfig`. */
  where: string;
  config: NodeConfig | undefined;
}

/** True for an Autopilot cluster: GKE manages its nodes (Shielded, Secure Boot, Workload Identity always on). */
export const isAutopilot = (cluster: ClusterProps): boolean => cluster.enableAutopilot === true;

/**
 * The node configurations a Cluster itself declares: each inline `nodePools` entry, or, when
 * there is none, the default pool's `nodeConfig` unless `removeDefaultNodePool` is true. None
 * for Autopilot clusters. Standalone `gcp.container.NodePool` resources are checked on their own.
 */
export function clusterNodeConfigs(cluster: ClusterProps): NodeConfigAt[] {
  if (isAutopilot(cluster)) return [];
  const pools = cluster.nodePools ?? [];
  if (pools.length > 0) {
    return pools.map((pool, i) => ({ where: `nodePools[${i}]${pool.name ? ` ("${pool.name}")` : ""}.nodeConfig`, config: pool.nodeConfig }));
  }
  return cluster.removeDefaultNodePool === true ? [] : [{ where: "nodeConfig", config: cluster.nodeConfig }];
}
