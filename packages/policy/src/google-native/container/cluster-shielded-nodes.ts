import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { GKE_CLUSTER_TYPES, GKE_NODE_POOL_TYPES, inlineNodeConfigs, type NativeGkeCluster, type NativeNodeConfig } from "./cluster";

const secureBootOff = (where: string, config: NativeNodeConfig | undefined) =>
  config?.shieldedInstanceConfig?.enableSecureBoot === true
    ? undefined
    : `${where}.shieldedInstanceConfig.enableSecureBoot is not true (the default is false): nodes boot unverified software. Set it.`;

/** google-native GKE nodes are Shielded VMs with Secure Boot. */
export const googleNativeContainerClusterShieldedNodes = definePolicy<ResourceValidationPolicy>(
  {
    name: "google-native-container-cluster-shielded-nodes",
    description:
      "google-native GKE clusters must not turn Shielded Nodes off (shieldedNodes.enabled false), and every node " +
      "configuration (cluster nodeConfig or nodePools[].config, NodePool config) must enable Secure Boot " +
      "(shieldedInstanceConfig.enableSecureBoot; default false).",
    validateResource: [
      ...GKE_CLUSTER_TYPES.map((token) =>
        validateTypeToken<NativeGkeCluster>(token, (cluster, _args, report) => {
          if (cluster.shieldedNodes?.enabled === false) report("shieldedNodes.enabled is false: nodes are not Shielded VMs. Remove it (the default is on).");
          for (const { where, config } of inlineNodeConfigs(cluster)) {
            const problem = secureBootOff(where, config);
            if (problem) report(problem);
          }
        }),
      ),
      ...GKE_NODE_POOL_TYPES.map((token) =>
        validateTypeToken<{ config?: NativeNodeConfig }>(token, (pool, _args, report) => {
          const problem = secureBootOff("config", pool.config);
          if (problem) report(problem);
        }),
      ),
    ],
  },
  { vendor: "google-native", services: ["container"], topics: ["compute"], frameworks: ["cis"], severity: "medium" },
);
