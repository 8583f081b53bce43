import type { AwsClusterNetwork, GcpClusterNetwork } from "@mlops/cluster";
import type { StackContext } from "./registry";

/**
 * The Cluster's network wiring from the Network component's outputs: the VPC and its private and
 * public subnets (aws); the project, region, network, subnetwork, its secondary ranges and the
 * container API it needs enabled first (gcp). Nothing on the kubernetes backend.
 */
export function clusterNetwork(ctx: StackContext): { awsNetwork?: AwsClusterNetwork; gcpNetwork?: GcpClusterNetwork } {
  const network = ctx.network;
  if (!network) return {};
  switch (ctx.config.backend) {
    case "aws":
      return { awsNetwork: { vpcId: network.networkId, privateSubnetIds: network.privateSubnetIds, publicSubnetIds: network.publicSubnetIds } };
    case "gcp": {
      const gcp = ctx.placement.gcp;
      const gke = network.gke;
      if (!gcp || !gke) return {};
      const api = network.apis["container.googleapis.com"];
      return {
        gcpNetwork: {
          project: gcp.project,
          region: gcp.region,
          networkId: gke.networkSelfLink,
          subnetworkId: gke.subnetworkSelfLink,
          podsRangeName: gke.podsRangeName,
          servicesRangeName: gke.servicesRangeName,
          ...(api ? { dependsOn: [api] } : {}),
        },
      };
    }
    case "kubernetes":
      return {};
  }
}
