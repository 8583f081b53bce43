import type * as gcp from "@pulumi/gcp";
import { validateTypeToken } from "../../lib/type-token";
import { type ResourceValidationPolicy } from "@pulumi/policy";
import { clusterNodeConfigs, type NodeConfigAt } from "./node-configs";
import { definePolicy } from "../../lib/registry";

/** The violation for a node configuration without Secure Boot, or `undefined`. */
function secureBootOff({ where, config }: NodeConfigAt): string | undefined {
  if (config?.shieldedInstanceConfig?.enableSecureBoot === true) return undefined;
  return `${where}.shieldedInstanceConfig.enableSecureBoot is not true (the default is false): nodes boot unverified software.`;
}

/**
 * GKE nodes are Shielded VMs with Secure Boot: `enableShieldedNodes` not false on the cluster
 * (the provider's default is true, so unset passes), and
 * `nodeConfig.shieldedInstanceConfig.enableSecureBoot` true (default false) on every
 * `gcp.container.NodePool`, every inline `nodePools` entry and the default pool's `nodeConfig`
 * when the cluster keeps it. Autopilot clusters are Shielded with Secure Boot by design.
 */
export const gcpContainerShieldedNodes = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-container-shielded-nodes",
    description:
      "GKE clusters must keep Shielded Nodes on (enableShieldedNodes not false; default true) and node pools must enable " +
      "Secure Boot (nodeConfig.shieldedInstanceConfig.enableSecureBoot; default false): verified boot and node identity " +
      "stop a compromised node from impersonating another or running a tampered kernel.",
    validateResource: [
      validateTypeToken<gcp.container.ClusterArgs>("gcp:container/cluster:Cluster", (cluster, _args, report) => {
        if (cluster.enableShieldedNodes === false) report("enableShieldedNodes is false: nodes are not Shielded VMs.");
        for (const at of clusterNodeConfigs(cluster)) {
          const problem = secureBootOff(at);
          if (problem) report(problem);
        }
      }),
      validateTypeToken<gcp.container.NodePoolArgs>("gcp:container/nodePool:NodePool", (pool, _args, report) => {
        const problem = secureBootOff({ where: "nodeConfig", config: pool.nodeConfig });
        if (problem) report(problem);
      }),
    ],
  },
  { vendor: "gcp", services: ["container"], topics: ["compute"], frameworks: ["cis"], severity: "medium" },
);
