import * as gcp from "@pulumi/gcp";
import { gcpLabels } from "@mlops/core";
import type { FoundationBuilder } from "./types";

/**
 * The GCP base layer: a custom-mode VPC, one regional subnet with flow logs and Private Google
 * Access, Cloud NAT for egress, and the private services connection Cloud SQL and Memorystore
 * use for private IPs.
 */
export const gcpFoundation: FoundationBuilder = (config, tags, providers) => {
  const opts = { provider: providers.primary };
  const project = config.gcpProject as string;
  const network = new gcp.compute.Network("network", { project, autoCreateSubnetworks: false, routingMode: "REGIONAL" }, opts);
  const subnet = new gcp.compute.Subnetwork(
    "network-private",
    {
      project,
      region: config.region,
      network: network.id,
      ipCidrRange: config.network.cidr,
      privateIpGoogleAccess: true,
      logConfig: { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 0.5, metadata: "INCLUDE_ALL_METADATA" },
    },
    opts,
  );
  const router = new gcp.compute.Router("network", { project, region: config.region, network: network.id }, opts);
  new gcp.compute.RouterNat(
    "network",
    {
      project,
      region: config.region,
      router: router.name,
      natIpAllocateOption: "AUTO_ONLY",
      sourceSubnetworkIpRangesToNat: "ALL_SUBNETWORKS_ALL_IP_RANGES",
      logConfig: { enable: true, filter: "ERRORS_ONLY" },
    },
    opts,
  );
  const [base, prefix] = config.network.privateServicesCidr.split("/");
  const range = new gcp.compute.GlobalAddress(
    "network-private-services",
    { project, network: network.id, purpose: "VPC_PEERING", addressType: "INTERNAL", address: base, prefixLength: Number(prefix), labels: gcpLabels(tags) },
    opts,
  );
  const connection = new gcp.servicenetworking.Connection(
    "network-private-services",
    { network: network.id, service: "servicenetworking.googleapis.com", reservedPeeringRanges: [range.name] },
    opts,
  );
  return {
    placement: { gcp: { project, region: config.region, networkId: network.id, dependsOn: [connection] } },
    outputs: { networkId: network.id, subnetId: subnet.id },
  };
};
