import type * as gcp from "@pulumi/gcp";
import { validateTypeToken } from "../../lib/type-token";
import { type ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";

/** GKE clusters are private: private nodes and a private control-plane endpoint. */
export const gcpContainerPrivateCluster = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-container-private-cluster",
    description:
      "GKE clusters must set privateClusterConfig.enablePrivateNodes and enablePrivateEndpoint true: nodes get no public IPs " +
      "and the control plane is reached through the VPC only.",
    validateResource: validateTypeToken<gcp.container.ClusterArgs>("gcp:container/cluster:Cluster", (cluster, _args, report) => {
      const config = cluster.privateClusterConfig;
      if (config?.enablePrivateNodes !== true) report("privateClusterConfig.enablePrivateNodes is not true: nodes get public IPs.");
      if (config?.enablePrivateEndpoint !== true) report("privateClusterConfig.enablePrivateEndpoint is not true: the control plane has a public endpoint.");
    }),
  },
  { vendor: "gcp", services: ["container"], topics: ["network"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "high" },
);
