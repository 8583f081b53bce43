import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { GKE_CLUSTER_TYPES, GKE_NODE_POOL_TYPES, inlineNodeConfigs, type NativeGkeCluster, type NativeNodeConfig } from "./cluster";

const metadataExposed = (where: string, config: NativeNodeConfig | undefined) =>
  config?.workloadMetadataConfig?.mode === "GKE_METADATA"
    ? undefined
    : `${where}.workloadMetadataConfig.mode is not "GKE_METADATA": Pods can reach the node's metadata server and its service account. Set it.`;

/** google-native GKE workloads authenticate with Workload Identity. */
export const googleNativeContainerClusterWorkloadIdentity = definePolicy<ResourceValidationPolicy>(
  {
    name: "google-native-container-cluster-workload-identity",
    description:
      "google-native GKE clusters must enable Workload Identity (workloadIdentityConfig.workloadPool; Autopilot has it) and " +
      'every node configuration must run the GKE metadata server (workloadMetadataConfig.mode "GKE_METADATA"): otherwise ' +
      "every Pod can use the node's service account.",
    validateResource: [
      ...GKE_CLUSTER_TYPES.map((token) =>
        validateTypeToken<NativeGkeCluster>(token, (cluster, _args, report) => {
          if (cluster.autopilot?.enabled !== true && !cluster.workloadIdentityConfig?.workloadPool) {
            report("workloadIdentityConfig.workloadPool is not set: Pods authenticate as the node's service account. Set it to PROJECT.svc.id.goog.");
          }
          for (const { where, config } of inlineNodeConfigs(cluster)) {
            const problem = metadataExposed(where, config);
            if (problem) report(problem);
          }
        }),
      ),
      ...GKE_NODE_POOL_TYPES.map((token) =>
        validateTypeToken<{ config?: NativeNodeConfig }>(token, (pool, _args, report) => {
          const problem = metadataExposed("config", pool.config);
          if (problem) report(problem);
        }),
      ),
    ],
  },
  { vendor: "google-native", services: ["container"], topics: ["access"], frameworks: ["cis"], severity: "high" },
);
