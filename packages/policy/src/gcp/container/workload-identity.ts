import type * as gcp from "@pulumi/gcp";
import { validateTypeToken } from "../../lib/type-token";
import { type ResourceValidationPolicy } from "@pulumi/policy";
import { clusterNodeConfigs, isAutopilot, type NodeConfigAt } from "./node-configs";
import { definePolicy } from "../../lib/registry";

/** The violation for a node configuration that does not run the GKE metadata server, or `undefined`. */
function nodeMetadataExposed({ where, config }: NodeConfigAt): string | undefined {
  if (config?.workloadMetadataConfig?.mode === "GKE_METADATA") return undefined;
  return `${where}.workloadMetadataConfig.mode is not "GKE_METADATA": Pods can reach the node's metadata server and its service account.`;
}

/**
 * GKE workloads authenticate with Workload Identity: `workloadIdentityConfig.workloadPool` set
 * on the cluster (Autopilot clusters have it always), and `workloadMetadataConfig.mode`
 * "GKE_METADATA" on every node configuration (NodePool, inline `nodePools`, the default pool's
 * `nodeConfig` when the cluster keeps it). The mode is required explicitly: its default depends
 * on the cluster's setting when the pool is created.
 */
export const gcpContainerWorkloadIdentity = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-container-workload-identity",
    description:
      'GKE clusters must enable Workload Identity (workloadIdentityConfig.workloadPool) and node pools must run the GKE ' +
      'metadata server (nodeConfig.workloadMetadataConfig.mode "GKE_METADATA"): otherwise every Pod can use the node\'s ' +
      "service account and its credentials.",
    validateResource: [
      validateTypeToken<gcp.container.ClusterArgs>("gcp:container/cluster:Cluster", (cluster, _args, report) => {
        if (!isAutopilot(cluster) && !cluster.workloadIdentityConfig?.workloadPool) {
          report("workloadIdentityConfig.workloadPool is not set: Pods authenticate as the node's service account.");
        }
        for (const at of clusterNodeConfigs(cluster)) {
          const problem = nodeMetadataExposed(at);
          if (problem) report(problem);
        }
      }),
      validateTypeToken<gcp.container.NodePoolArgs>("gcp:container/nodePool:NodePool", (pool, _args, report) => {
        const problem = nodeMetadataExposed({ where: "nodeConfig", config: pool.nodeConfig });
        if (problem) report(problem);
      }),
    ],
  },
  { vendor: "gcp", services: ["container"], topics: ["access"], frameworks: ["cis"], severity: "high" },
);
