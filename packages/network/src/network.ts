import type * as pulumi from "@pulumi/pulumi";
import { PlatformComponent, networkSettings, type ComponentDefinition, type Placement } from "@mlops/core";
import { GOOGLE_API, resolveNetwork, type ResolvedNetworkArgs } from "./defaults";
import type { GkeNetworking, NetworkArgs, NetworkOutputs, NetworkWiring } from "./types";
import type { AwsNetworkNative } from "./backends/aws";
import type { GcpNetworkNative } from "./backends/gcp";

/** The native resources of the active backend; only that backend's entry is set. */
export type NetworkNative = { aws?: AwsNetworkNative; gcp?: GcpNetworkNative };

const REGION = /^[a-z]{2,}(-[a-z]+)+-?\d+$/;

/** The Network, declared once: settings, wiring checks, resolution and the implementation table. */
export const NETWORK: ComponentDefinition<typeof networkSettings.schema, ReturnType<typeof networkSettings.complete>, NetworkWiring, ResolvedNetworkArgs, NetworkOutputs, NetworkNative> = {
  type: "mlops:network:Network",
  settings: networkSettings,
  validateWiring(args, fail) {
    if (typeof args.region !== "string" || !REGION.test(args.region)) fail("region", args.region, 'use the stack\'s region, e.g. "us-east-1" or "us-central1"');
    if (args.backend === "gcp" && args.project === undefined) fail("project", undefined, 'is required when backend is "gcp"');
    const apis = args.apis ?? [];
    if (args.backend !== "gcp" && apis.length > 0) fail("apis", apis, "Google APIs are enabled on gcp only; leave apis empty");
    for (const api of apis) if (!GOOGLE_API.test(api)) fail("apis", api, 'use Google API service names such as "pubsub.googleapis.com"');
  },
  resolve: resolveNetwork,
  engine: () => "vpc",
  implementations: {
    aws: { vpc: () => require("./backends/aws") as typeof import("./backends/aws") },
    gcp: { vpc: () => require("./backends/gcp") as typeof import("./backends/gcp") },
  },
};

/**
 * The stack's private network: on `aws` an awsx VPC with private and public subnets per AZ, NAT
 * per tier, encrypted flow logs, a closed default security group and, outside dev, VPC
 * endpoints; on `gcp` a custom VPC with a regional subnetwork (GKE secondary ranges, flow logs,
 * Private Google Access), Cloud NAT, private services access, a logged default-deny ingress rule
 * and the Google APIs the platform uses. No kubernetes implementation: in-cluster, the namespace
 * (built by the tenancy layer) is the network boundary.
 */
export class Network extends PlatformComponent<NetworkOutputs, NetworkNative> implements NetworkOutputs {
  declare public readonly networkId: pulumi.Output<string>;
  declare public readonly cidr: pulumi.Output<string>;
  declare public readonly privateSubnetIds: pulumi.Output<string[]>;
  declare public readonly publicSubnetIds: pulumi.Output<string[]>;
  declare public readonly privateSubnetsByZone: pulumi.Output<Record<string, string>>;
  declare public readonly placement: Placement;
  declare public readonly gke: GkeNetworking | undefined;
  declare public readonly apis: Readonly<Record<string, pulumi.Resource>>;

  constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super(NETWORK, name, args, opts);
  }
}
