import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import { GKE_RANGE_NAMES, gcpLabels } from "@mlops/core";
import type { ResolvedNetworkArgs } from "../defaults";
import { fromStackRoot } from "../aliases";
import type { NetworkOutputs } from "../types";
import { enableApis } from "./gcp-apis";

/** The native GCP resources behind a Network: the escape hatch. */
export interface GcpNetworkNative {
  network: gcp.compute.Network;
  subnetwork: gcp.compute.Subnetwork;
  router: gcp.compute.Router;
  nat: gcp.compute.RouterNat;
  /** Lowest priority, denies and logs every ingress the rules above it do not allow. */
  denyAllIngress: gcp.compute.Firewall;
  privateServicesRange: gcp.compute.GlobalAddress;
  privateServicesConnection: gcp.servicenetworking.Connection;
  /** By service name. */
  apis: Record<string, gcp.projects.Service>;
}

/** GCP's lowest firewall priority: every other rule wins over it. */
export const LOWEST_PRIORITY = 65535;

const COMPUTE = "compute.googleapis.com";
const SERVICE_NETWORKING = "servicenetworking.googleapis.com";

/**
 * The Google APIs the platform uses; a custom-mode VPC with one regional subnetwork (Private
 * Google Access, flow logs when on, the GKE Pods and Services secondary ranges); Cloud Router and
 * Cloud NAT for egress; a logged default-deny ingress rule; private services access (Cloud SQL,
 * Memorystore). Every resource waits for its API. The resources the stack shipped with keep
 * their names, aliased from the stack root.
 */
export function build(parent: pulumi.Resource, name: string, r: ResolvedNetworkArgs): { outputs: NetworkOutputs; native: GcpNetworkNative } {
  const project = r.project as pulumi.Input<string>;
  const apis = enableApis(parent, name, project, r.apis);
  const api = (service: string) => [apis[service] as gcp.projects.Service];
  const moved = { parent, aliases: fromStackRoot(), dependsOn: api(COMPUTE) };

  const network = new gcp.compute.Network(name, { project, autoCreateSubnetworks: false, routingMode: "REGIONAL" }, moved);
  const subnetwork = new gcp.compute.Subnetwork(
    `${name}-private`,
    {
      project,
      region: r.region,
      network: network.id,
      ipCidrRange: r.cidr,
      secondaryIpRanges: [
        { rangeName: GKE_RANGE_NAMES.pods, ipCidrRange: r.podsCidr },
        { rangeName: GKE_RANGE_NAMES.services, ipCidrRange: r.servicesCidr },
      ],
      privateIpGoogleAccess: true,
      ...(r.flowLogs ? { logConfig: { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 0.5, metadata: "INCLUDE_ALL_METADATA" } } : {}),
    },
    moved,
  );
  const router = new gcp.compute.Router(name, { project, region: r.region, network: network.id }, moved);
  const nat = new gcp.compute.RouterNat(
    name,
    {
      project,
      region: r.region,
      router: router.name,
      natIpAllocateOption: "AUTO_ONLY",
      sourceSubnetworkIpRangesToNat: "ALL_SUBNETWORKS_ALL_IP_RANGES",
      logConfig: { enable: true, filter: "ERRORS_ONLY" },
    },
    moved,
  );
  // GCP already denies unmatched ingress, silently; this rule makes the denials visible.
  const denyAllIngress = new gcp.compute.Firewall(
    `${name}-deny-all-ingress`,
    {
      project,
      network: network.id,
      description: "Default deny: every ingress no higher-priority rule allows, logged",
      direction: "INGRESS",
      priority: LOWEST_PRIORITY,
      denies: [{ protocol: "all" }],
      sourceRanges: ["0.0.0.0/0"],
      logConfig: { metadata: "INCLUDE_ALL_METADATA" },
    },
    { parent, dependsOn: api(COMPUTE) },
  );
  const [base, prefix] = r.privateServicesCidr.split("/");
  const privateServicesRange = new gcp.compute.GlobalAddress(
    `${name}-private-services`,
    { project, network: network.id, purpose: "VPC_PEERING", addressType: "INTERNAL", address: base, prefixLength: Number(prefix), labels: gcpLabels(r.tags) },
    moved,
  );
  const privateServicesConnection = new gcp.servicenetworking.Connection(
    `${name}-private-services`,
    { network: network.id, service: SERVICE_NETWORKING, reservedPeeringRanges: [privateServicesRange.name] },
    { parent, aliases: fromStackRoot(), dependsOn: api(SERVICE_NETWORKING) },
  );

  return {
    outputs: {
      networkId: network.id,
      cidr: pulumi.output(r.cidr),
      privateSubnetIds: subnetwork.id.apply((id) => [id]),
      publicSubnetIds: pulumi.output([]),
      privateSubnetsByZone: subnetwork.id.apply((id) => ({ [r.region]: id })),
      // Data services wait for their APIs and the peering their private IPs come through.
      placement: { gcp: { project, region: r.region, networkId: network.id, dependsOn: [...Object.values(apis), privateServicesConnection] } },
      gke: { networkSelfLink: network.selfLink, subnetworkSelfLink: subnetwork.selfLink, podsRangeName: GKE_RANGE_NAMES.pods, servicesRangeName: GKE_RANGE_NAMES.services },
      apis,
    },
    native: { network, subnetwork, router, nat, denyAllIngress, privateServicesRange, privateServicesConnection, apis },
  };
}
