import { describe, expect, it, jest } from "@jest/globals";
import { gcpLabels, type Tier } from "@mlops/core";
import { byType, one, runWithMocks } from "@mlops/testing";
import type { RecordedResource } from "@mlops/testing";
import type { NetworkArgs } from "../types";

// A GCP stack must never load the other clouds' SDKs.
jest.mock("@pulumi/aws", () => { throw new Error("@pulumi/aws loaded by a gcp Network"); });
jest.mock("@pulumi/awsx", () => { throw new Error("@pulumi/awsx loaded by a gcp Network"); });
jest.mock("@pulumi/kubernetes", () => { throw new Error("@pulumi/kubernetes loaded by a gcp Network"); });

const { Network } = require("../network") as typeof import("../network");
const { GCP_BASE_APIS } = require("../defaults") as typeof import("../defaults");

const tags = { project: "mlops", "cost-center": "ml" };
const COMPONENT = "mlops:network:Network";
const PROJECT = "mlops-platform-prod";

function run(tier: Tier = "prod", extra: Partial<NetworkArgs> = {}, preview = false) {
  return runWithMocks(() => {
    const net = new Network("network", { backend: "gcp", tier, tags, placement: {}, region: "us-central1", project: PROJECT, ...extra });
    return {
      networkId: net.networkId, cidr: net.cidr, privateSubnetIds: net.privateSubnetIds, publicSubnetIds: net.publicSubnetIds, byZone: net.privateSubnetsByZone,
      gke: net.gke, apis: Object.keys(net.apis), placementDependsOn: net.placement.gcp?.dependsOn?.map((r) => r.urn), placement: { ...net.placement.gcp, dependsOn: undefined },
    };
  }, { project: "mlops-platform", stack: "gcp", preview, config: { "gcp:project": PROJECT, "gcp:region": "us-central1" } });
}

const api = (resources: RecordedResource[], service: string) => {
  const found = byType(resources, "gcp:projects/service:Service").find((s) => s.inputs["service"] === service);
  if (!found) throw new Error(`no Service for ${service}`);
  return found;
};

describe("Network on gcp", () => {
  it("enables every Google API the platform uses, plus the extra ones, left enabled on destroy", async () => {
    const { resources, stackOutputs } = await run("prod", { apis: ["pubsub.googleapis.com", "compute.googleapis.com"] });
    const services = byType(resources, "gcp:projects/service:Service");
    const expected = [...GCP_BASE_APIS, "pubsub.googleapis.com"];
    expect(services.map((s) => s.inputs["service"])).toEqual(expected);
    for (const s of services) expect(s.inputs).toMatchObject({ project: PROJECT, disableOnDestroy: false });
    expect(api(resources, "compute.googleapis.com").name).toBe("network-api-compute");
    expect(stackOutputs["apis"]).toEqual(expected);
    for (const needed of ["compute", "container", "servicenetworking", "sqladmin", "redis", "cloudkms", "storage", "secretmanager", "monitoring", "logging", "iam", "artifactregistry"]) {
      expect(expected).toContain(`${needed}.googleapis.com`);
    }
  });

  it("makes every network resource wait for its API", async () => {
    const { resources } = await run();
    const compute = api(resources, "compute.googleapis.com").urn;
    for (const type of ["gcp:compute/network:Network", "gcp:compute/subnetwork:Subnetwork", "gcp:compute/router:Router", "gcp:compute/routerNat:RouterNat", "gcp:compute/firewall:Firewall", "gcp:compute/globalAddress:GlobalAddress"]) {
      expect({ type, waits: one(resources, type).dependencies.includes(compute) }).toEqual({ type, waits: true });
    }
    expect(one(resources, "gcp:servicenetworking/connection:Connection").dependencies).toContain(api(resources, "servicenetworking.googleapis.com").urn);
  });

  it("builds a custom-mode regional VPC and one subnetwork with Private Google Access, flow logs and the GKE secondary ranges", async () => {
    const { resources, stackOutputs } = await run();
    const network = one(resources, "gcp:compute/network:Network");
    const subnet = one(resources, "gcp:compute/subnetwork:Subnetwork");
    expect(network.inputs).toMatchObject({ project: PROJECT, autoCreateSubnetworks: false, routingMode: "REGIONAL" });
    expect(subnet.inputs).toMatchObject({
      project: PROJECT, region: "us-central1", network: network.id, ipCidrRange: "10.0.0.0/16", privateIpGoogleAccess: true,
      secondaryIpRanges: [{ rangeName: "pods", ipCidrRange: "10.64.0.0/14" }, { rangeName: "services", ipCidrRange: "10.68.0.0/20" }],
      logConfig: { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 0.5, metadata: "INCLUDE_ALL_METADATA" },
    });
    expect(stackOutputs).toMatchObject({
      networkId: network.id, cidr: "10.0.0.0/16", privateSubnetIds: [subnet.id], publicSubnetIds: [], byZone: { "us-central1": subnet.id },
      gke: { networkSelfLink: network.outputs["selfLink"], subnetworkSelfLink: subnet.outputs["selfLink"], podsRangeName: "pods", servicesRangeName: "services" },
    });
    expect(String(subnet.outputs["selfLink"])).toMatch(/^https:\/\/www\.googleapis\.com\/compute\/v1\/projects\//);
  });

  it("takes the ranges from the settings and drops the subnetwork's flow logs when flowLogs is false", async () => {
    const { resources } = await run("dev", { cidr: "10.8.0.0/20", podsCidr: "10.128.0.0/14", servicesCidr: "10.132.0.0/20", flowLogs: false });
    const subnet = one(resources, "gcp:compute/subnetwork:Subnetwork");
    expect(subnet.inputs).toMatchObject({ ipCidrRange: "10.8.0.0/20", secondaryIpRanges: [{ rangeName: "pods", ipCidrRange: "10.128.0.0/14" }, { rangeName: "services", ipCidrRange: "10.132.0.0/20" }] });
    expect(subnet.inputs["logConfig"]).toBeUndefined();
  });

  it("routes egress through Cloud Router and Cloud NAT, logging NAT errors", async () => {
    const { resources } = await run();
    const router = one(resources, "gcp:compute/router:Router");
    expect(router.inputs).toMatchObject({ project: PROJECT, region: "us-central1", network: one(resources, "gcp:compute/network:Network").id });
    expect(one(resources, "gcp:compute/routerNat:RouterNat").inputs).toMatchObject({
      router: router.outputs["name"], natIpAllocateOption: "AUTO_ONLY", sourceSubnetworkIpRangesToNat: "ALL_SUBNETWORKS_ALL_IP_RANGES", logConfig: { enable: true, filter: "ERRORS_ONLY" },
    });
  });

  it("denies and logs all ingress at the lowest priority", async () => {
    const { resources } = await run();
    const firewall = one(resources, "gcp:compute/firewall:Firewall");
    expect(firewall.name).toBe("network-deny-all-ingress");
    expect(firewall.inputs).toMatchObject({
      network: one(resources, "gcp:compute/network:Network").id, direction: "INGRESS", priority: 65535,
      denies: [{ protocol: "all" }], sourceRanges: ["0.0.0.0/0"], logConfig: { metadata: "INCLUDE_ALL_METADATA" },
    });
    expect(firewall.inputs["allows"]).toBeUndefined();
  });

  it("reserves the private services range and peers it with servicenetworking", async () => {
    const { resources } = await run("prod", { privateServicesCidr: "10.200.0.0/20" });
    const range = one(resources, "gcp:compute/globalAddress:GlobalAddress");
    expect(range.inputs).toMatchObject({ purpose: "VPC_PEERING", addressType: "INTERNAL", address: "10.200.0.0", prefixLength: 20, labels: gcpLabels(tags) });
    expect(one(resources, "gcp:servicenetworking/connection:Connection").inputs).toMatchObject({ service: "servicenetworking.googleapis.com", reservedPeeringRanges: [range.outputs["name"]] });
  });

  it("makes the data services wait for the APIs and the private services connection", async () => {
    const { resources, stackOutputs } = await run();
    const network = one(resources, "gcp:compute/network:Network");
    expect(stackOutputs["placement"]).toMatchObject({ project: PROJECT, region: "us-central1", networkId: network.id });
    expect(stackOutputs["placementDependsOn"]).toEqual([...byType(resources, "gcp:projects/service:Service").map((s) => s.urn), one(resources, "gcp:servicenetworking/connection:Connection").urn]);
  });

  it("keeps the names the stack shipped with and aliases them from the stack root", async () => {
    const { resources } = await run();
    for (const [type, name] of [
      ["gcp:compute/network:Network", "network"],
      ["gcp:compute/subnetwork:Subnetwork", "network-private"],
      ["gcp:compute/router:Router", "network"],
      ["gcp:compute/routerNat:RouterNat", "network"],
      ["gcp:compute/globalAddress:GlobalAddress", "network-private-services"],
      ["gcp:servicenetworking/connection:Connection", "network-private-services"],
    ] as const) {
      const r = one(resources, type, name);
      expect(r.urn).toBe(`urn:pulumi:gcp::mlops-platform::${COMPONENT}$${type}::${name}`);
      expect(r.aliases).toContain(`urn:pulumi:gcp::mlops-platform::${type}::${name}`);
    }
  });

  it("parents every child to the component", async () => {
    const { resources } = await run();
    const component = one(resources, COMPONENT);
    const kids = resources.filter((r) => r.custom && !r.type.startsWith("pulumi:"));
    expect(kids.length).toBeGreaterThan(15);
    for (const k of kids) expect({ name: k.name, parent: k.parent }).toEqual({ name: k.name, parent: component.urn });
  });

  it("plans in preview", async () => {
    const { resources } = await run("prod", {}, true);
    expect(one(resources, "gcp:compute/subnetwork:Subnetwork").inputs["network"]).toBe("<unknown>");
  });
});
