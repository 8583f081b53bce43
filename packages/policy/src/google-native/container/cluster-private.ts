import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { GKE_CLUSTER_TYPES, type NativeGkeCluster } from "./cluster";

/** google-native GKE clusters are private: private nodes and a private control-plane endpoint. */
export const googleNativeContainerClusterPrivate = definePolicy<ResourceValidationPolicy>(
  {
    name: "google-native-container-cluster-private",
    description:
      "google-native GKE clusters must set privateClusterConfig.enablePrivateNodes and enablePrivateEndpoint true: nodes get " +
      "no public IPs and the control plane is reached through the VPC only.",
    validateResource: GKE_CLUSTER_TYPES.map((token) =>
      validateTypeToken<NativeGkeCluster>(token, (cluster, _args, report) => {
        const config = cluster.privateClusterConfig;
        if (config?.enablePrivateNodes !== true) report("privateClusterConfig.enablePrivateNodes is not true: nodes get public IPs. Set it.");
        if (config?.enablePrivateEndpoint !== true) report("privateClusterConfig.enablePrivateEndpoint is not true: the control plane has a public endpoint. Set it.");
      }),
    ),
  },
  { vendor: "google-native", services: ["container"], topics: ["network"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "high" },
);
