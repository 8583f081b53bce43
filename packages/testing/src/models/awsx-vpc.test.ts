import { describe, expect, it } from "@jest/globals";
import * as pulumi from "@pulumi/pulumi";
import * as awsxEc2 from "@pulumi/awsx/ec2";
import { byType, one, runWithMocks } from "../index";
import { UNKNOWN } from "../types";

const base = { project: "proj", stack: "dev" };
const CHAIN = "urn:pulumi:dev::proj::awsx:ec2:Vpc$aws:ec2/vpc:Vpc";

describe("model: awsx ec2.Vpc", () => {
  it("records what awsx creates by default: 3 AZs, private and public subnets (Legacy layout), a NAT gateway and EIP per AZ", async () => {
    const run = await runWithMocks(() => {
      const vpc = new awsxEc2.Vpc("net", { tags: { team: "ml" } });
      return { vpcId: vpc.vpcId, privateSubnetIds: vpc.privateSubnetIds, publicSubnetIds: vpc.publicSubnetIds };
    }, base);
    const component = one(run.resources, "awsx:ec2:Vpc");
    const vpc = one(run.resources, "aws:ec2/vpc:Vpc");
    expect(vpc).toMatchObject({ name: "net", parent: component.urn, modelled: true, custom: true, urn: `urn:pulumi:dev::proj::awsx:ec2:Vpc$aws:ec2/vpc:Vpc::net` });
    expect(vpc.inputs).toEqual({ cidrBlock: "10.0.0.0/16", tags: { Name: "net", team: "ml" } });
    // The provider of the aws children: the engine's default aws provider.
    expect(vpc.provider).toMatch(/^urn:pulumi:dev::proj::pulumi:providers:aws::default/);

    const subnets = byType(run.resources, "aws:ec2/subnet:Subnet");
    expect(subnets.map((s) => [s.name, s.inputs["availabilityZone"], s.inputs["cidrBlock"], s.inputs["mapPublicIpOnLaunch"]])).toEqual([
      ["net-public-1", "us-east-1a", "10.0.32.0/20", true],
      ["net-private-1", "us-east-1a", "10.0.0.0/19", false],
      ["net-public-2", "us-east-1b", "10.0.96.0/20", true],
      ["net-private-2", "us-east-1b", "10.0.64.0/19", false],
      ["net-public-3", "us-east-1c", "10.0.160.0/20", true],
      ["net-private-3", "us-east-1c", "10.0.128.0/19", false],
    ]);
    expect(subnets[0]?.urn).toBe(`${CHAIN}$aws:ec2/subnet:Subnet::net-public-1`);
    expect(subnets[0]?.inputs["tags"]).toEqual({ Name: "net-public-1", team: "ml", SubnetType: "Public" });
    expect(subnets[0]?.propertyDependencies).toEqual({ vpcId: [vpc.urn] });
    expect(subnets[0]?.inputs["vpcId"]).toBe(vpc.id);

    const nats = byType(run.resources, "aws:ec2/natGateway:NatGateway");
    const eips = byType(run.resources, "aws:ec2/eip:Eip");
    expect(nats.map((n) => n.name)).toEqual(["net-1", "net-2", "net-3"]);
    expect(nats[0]?.urn).toBe(`${CHAIN}$aws:ec2/subnet:Subnet$aws:ec2/natGateway:NatGateway::net-1`);
    expect(nats[0]?.inputs["allocationId"]).toBe(eips[0]?.id);
    expect(nats[0]?.inputs["subnetId"]).toBe(subnets[0]?.id);
    expect(eips[0]?.inputs["tags"]).toEqual({ team: "ml", Name: "net-1" });

    const routes = byType(run.resources, "aws:ec2/route:Route");
    const igw = one(run.resources, "aws:ec2/internetGateway:InternetGateway");
    expect(routes.find((r) => r.name === "net-public-2")?.inputs).toMatchObject({ gatewayId: igw.id, destinationCidrBlock: "0.0.0.0/0" });
    expect(routes.find((r) => r.name === "net-private-2")?.inputs).toMatchObject({ natGatewayId: nats[1]?.id });
    expect(byType(run.resources, "aws:ec2/routeTable:RouteTable")).toHaveLength(6);
    expect(byType(run.resources, "aws:ec2/routeTableAssociation:RouteTableAssociation")).toHaveLength(6);

    // The component's outputs are the modelled children's: one source of truth.
    expect(run.stackOutputs).toEqual({ vpcId: vpc.id, privateSubnetIds: subnets.filter((s) => s.name.includes("private")).map((s) => s.id), publicSubnetIds: subnets.filter((s) => s.name.includes("public")).map((s) => s.id) });
  });

  it("follows the inputs: Auto layout over given AZs, a single NAT gateway, an isolated tier, VPC endpoints", async () => {
    const run = await runWithMocks(
      () =>
        new awsxEc2.Vpc("v", {
          cidrBlock: "10.8.0.0/16",
          availabilityZoneNames: ["eu-west-1a", "eu-west-1b"],
          subnetStrategy: "Auto",
          subnetSpecs: [{ type: "Public", cidrMask: 24 }, { type: "Private", cidrMask: 20 }, { type: "Isolated", name: "db", cidrMask: 26 }],
          natGateways: { strategy: "Single" },
          vpcEndpointStrategy: "Auto",
          vpcEndpointSpecs: [{ serviceName: "com.amazonaws.eu-west-1.s3" }, { serviceName: "com.amazonaws.eu-west-1.ecr.api", vpcEndpointType: "Interface" }],
        }),
      base,
    );
    const subnets = byType(run.resources, "aws:ec2/subnet:Subnet");
    expect(subnets.map((s) => [s.name, s.inputs["cidrBlock"]])).toEqual([
      ["v-public-1", "10.8.0.0/24"],
      ["v-private-1", "10.8.16.0/20"],
      ["v-db-1", "10.8.32.0/26"],
      ["v-public-2", "10.8.128.0/24"],
      ["v-private-2", "10.8.144.0/20"],
      ["v-db-2", "10.8.160.0/26"],
    ]);
    const nats = byType(run.resources, "aws:ec2/natGateway:NatGateway");
    expect(nats.map((n) => n.name)).toEqual(["v-1"]);
    const routes = byType(run.resources, "aws:ec2/route:Route");
    // Isolated subnets get no route; both private ones go through the single NAT gateway.
    expect(routes.map((r) => r.name)).toEqual(["v-public-1", "v-private-1", "v-public-2", "v-private-2"]);
    expect(routes.filter((r) => r.inputs["natGatewayId"] === nats[0]?.id)).toHaveLength(2);
    // Auto endpoints: the gateway one on every route table; the interface one in a private subnet per AZ, with its own group open on 443 to the VPC.
    const [gateway, iface] = byType(run.resources, "aws:ec2/vpcEndpoint:VpcEndpoint");
    expect(gateway).toMatchObject({ name: "com.amazonaws.eu-west-1.s3", modelled: true });
    expect(gateway?.inputs["routeTableIds"]).toEqual(byType(run.resources, "aws:ec2/routeTable:RouteTable").map((t) => t.id));
    const privateIds = subnets.filter((s) => s.name.includes("private")).map((s) => s.id);
    const sg = one(run.resources, "aws:ec2/securityGroup:SecurityGroup", "com.amazonaws.eu-west-1.ecr.api-sg");
    expect(iface?.inputs).toMatchObject({ subnetIds: privateIds, privateDnsEnabled: true, securityGroupIds: [sg.id] });
    expect(one(run.resources, "aws:ec2/securityGroupRule:SecurityGroupRule").inputs).toMatchObject({ type: "ingress", fromPort: 443, toPort: 443, cidrBlocks: ["10.8.0.0/16"], securityGroupId: sg.id });
  });

  it("in a preview: the same children, their computed values unknown, the component's outputs unknown", async () => {
    const run = await runWithMocks(() => new awsxEc2.Vpc("net", { numberOfAvailabilityZones: 2, natGateways: { strategy: "None" } }), { ...base, preview: true });
    const subnets = byType(run.resources, "aws:ec2/subnet:Subnet");
    expect(subnets).toHaveLength(4);
    expect(subnets[0]?.id).toBeUndefined();
    expect(subnets[0]?.inputs["vpcId"]).toBe(UNKNOWN);
    // Two AZs: each a /17, private its first half, public the first half of the rest.
    expect(subnets.map((s) => s.inputs["cidrBlock"])).toEqual(["10.0.64.0/19", "10.0.0.0/18", "10.0.192.0/19", "10.0.128.0/18"]);
    expect(byType(run.resources, "aws:ec2/natGateway:NatGateway")).toEqual([]);
    // NAT strategy None: private subnets have no default route.
    expect(byType(run.resources, "aws:ec2/route:Route").map((r) => r.name)).toEqual(["net-public-1", "net-public-2"]);
    expect(one(run.resources, "awsx:ec2:Vpc").outputs).toEqual({});
  });

  it("runs the stack's and the component's transforms on the modelled children, as the engine does for a provider's registrations", async () => {
    const run = await runWithMocks(() => {
      pulumi.runtime.registerResourceTransform((a) => (a.type === "aws:ec2/subnet:Subnet" ? { props: { ...a.props, tags: { ...a.props["tags"], owner: "stack" } }, opts: a.opts } : undefined));
      new awsxEc2.Vpc("net", { numberOfAvailabilityZones: 1, natGateways: { strategy: "None" } }, { transforms: [(a) => (a.type === "aws:ec2/vpc:Vpc" ? { props: a.props, opts: { ...a.opts, protect: true } } : undefined)] });
    }, base);
    for (const s of byType(run.resources, "aws:ec2/subnet:Subnet")) expect(s.inputs["tags"]).toMatchObject({ owner: "stack", Name: s.name });
    expect(one(run.resources, "aws:ec2/vpc:Vpc").protect).toBe(true);
    expect(one(run.resources, "aws:ec2/internetGateway:InternetGateway").protect).toBe(false);
  });
});
