import type * as pulumi from "@pulumi/pulumi";
import type { ComponentArgs, Placement, networkSettingsSchema } from "@mlops/core";

/** What the Network takes besides its settings: where it lives. */
export interface NetworkWiring {
  /** The stack's region (`us-east-1`, `us-central1`): the AWS endpoint service names, the GCP subnetwork, router and NAT. Required. */
  region: string;
  /** gcp: the project that holds the network and whose APIs are enabled. Required on gcp; aws: no effect. */
  project?: pulumi.Input<string>;
  /**
   * gcp: Google APIs to enable besides the platform's base set (`GCP_BASE_APIS`), e.g.
   * `pubsub.googleapis.com` when the data pipeline is Pub/Sub. Default: none. aws: must be empty.
   */
  apis?: string[];
}

/**
 * Inputs of the `Network` component: the shared args, the settings of the stack config's
 * `network` section (see `networkSettingsSchema` in @mlops/core for every limit and default),
 * and the wiring. One shape for aws and gcp; there is no kubernetes implementation (in-cluster,
 * the namespace is the network boundary).
 */
export type NetworkArgs = ComponentArgs<typeof networkSettingsSchema, NetworkWiring>;

/** What GKE needs from the network (gcp only). */
export interface GkeNetworking {
  /** The VPC network's self link. */
  networkSelfLink: pulumi.Output<string>;
  /** The regional subnetwork's self link, for the cluster's `subnetwork`. */
  subnetworkSelfLink: pulumi.Output<string>;
  /** The secondary range names, for `ipAllocationPolicy.clusterSecondaryRangeName` / `servicesSecondaryRangeName`. */
  podsRangeName: string;
  servicesRangeName: string;
}

/** What both backends return. */
export interface NetworkOutputs {
  /** aws: the VPC id; gcp: the network id (`projects/<project>/global/networks/<name>`). */
  networkId: pulumi.Output<string>;
  /** The primary range: the VPC CIDR (aws), the subnetwork's primary range (gcp). */
  cidr: pulumi.Output<string>;
  /** aws: one private subnet per AZ, in AZ order; gcp: the one regional subnetwork. */
  privateSubnetIds: pulumi.Output<string[]>;
  /** aws: one public subnet per AZ (NAT gateways, internet-facing load balancers); gcp: none. */
  publicSubnetIds: pulumi.Output<string[]>;
  /** aws: the private subnet of each AZ, by AZ name (EKS node groups per AZ); gcp: the subnetwork, keyed by its region. */
  privateSubnetsByZone: pulumi.Output<Record<string, string>>;
  /**
   * Where the data services live: aws the VPC, its private subnets and the VPC CIDR as the only
   * allowed client range; gcp the network, with `dependsOn` the enabled APIs and the private
   * services connection (Cloud SQL and Memorystore need both first).
   */
  placement: Placement;
  /** gcp: the subnetwork and its secondary range names; aws: undefined. */
  gke: GkeNetworking | undefined;
  /** gcp: the enabled Google APIs by service name (`container.googleapis.com`), for `dependsOn`; aws: none. */
  apis: Readonly<Record<string, pulumi.Resource>>;
}
