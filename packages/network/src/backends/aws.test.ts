import { describe, expect, it, jest } from "@jest/globals";
import { TIER_DEFAULTS, type Tier } from "@mlops/core";
import { byType, one, runWithMocks, MOCK_ACCOUNT_ID } from "@mlops/testing";
import type { RecordedResource } from "@mlops/testing";
import type { NetworkArgs } from "../types";

// An AWS stack must never load the other clouds' SDKs (the component requires backends lazily).
jest.mock("@pulumi/gcp", () => { throw new Error("@pulumi/gcp loaded by an aws Network"); });
jest.mock("@pulumi/kubernetes", () => { throw new Error("@pulumi/kubernetes loaded by an aws Network"); });

const { Network } = require("../network") as typeof import("../network");
const { INTERFACE_ENDPOINTS, LOGS_KEY_ACTIONS } = {
  ...(require("./aws-endpoints") as typeof import("./aws-endpoints")),
  ...(require("./aws-flow-logs") as typeof import("./aws-flow-logs")),
};

const tags = { project: "mlops", "cost-center": "ml" };
const COMPONENT = "mlops:network:Network";
const REGION = "us-east-1";

function run(tier: Tier = "prod", extra: Partial<NetworkArgs> = {}, preview = false) {
  return runWithMocks(() => {
    const net = new Network("network", { backend: "aws", tier, tags, placement: {}, region: REGION, cidr: "10.30.0.0/16", ...extra });
    return {
      networkId: net.networkId, cidr: net.cidr, privateSubnetIds: net.privateSubnetIds, publicSubnetIds: net.publicSubnetIds,
      byZone: net.privateSubnetsByZone, placement: net.placement, gke: net.gke ?? null, apis: Object.keys(net.apis), native: Object.keys(net.native),
    };
  }, { project: "mlops-platform", stack: tier, preview, config: { "aws:region": REGION } });
}

const policy = (r: RecordedResource, input: string) => JSON.parse(String(r.inputs[input])) as { Statement: Record<string, unknown>[] };

describe("Network on aws", () => {
  it("builds an awsx VPC with a private and a public subnet in each AZ, DNS on", async () => {
    const { resources, stackOutputs } = await run();
    const vpc = one(resources, "awsx:ec2:Vpc");
    expect(vpc.inputs).toMatchObject({
      cidrBlock: "10.30.0.0/16", numberOfAvailabilityZones: 3, enableDnsHostnames: true, enableDnsSupport: true,
      subnetStrategy: "Auto", subnetSpecs: [{ type: "Private" }, { type: "Public" }], tags,
    });
    expect(vpc.parent).toBe(one(resources, COMPONENT).urn);
    expect(stackOutputs).toMatchObject({ networkId: vpc.outputs["vpcId"], cidr: "10.30.0.0/16", privateSubnetIds: vpc.outputs["privateSubnetIds"], publicSubnetIds: vpc.outputs["publicSubnetIds"], gke: null, apis: [] });
    expect(stackOutputs["privateSubnetIds"]).toHaveLength(3);
    expect(stackOutputs["byZone"]).toEqual(Object.fromEntries((vpc.outputs["privateSubnets"] as { id: string; availabilityZone: string }[]).map((s) => [s.availabilityZone, s.id])));
    expect(Object.keys(stackOutputs["byZone"] as object)).toEqual(["us-east-1a", "us-east-1b", "us-east-1c"]);
  });

  it("places the data services in the private subnets, reachable from the VPC CIDR only", async () => {
    const { resources, stackOutputs } = await run();
    const vpc = one(resources, "awsx:ec2:Vpc");
    expect(stackOutputs["placement"]).toEqual({ aws: { vpcId: vpc.outputs["vpcId"], subnetIds: vpc.outputs["privateSubnetIds"], allowedCidrBlocks: ["10.30.0.0/16"] } });
  });

  it.each([
    ["dev", "Single", 2, 1],
    ["staging", "Single", 2, 1],
    ["prod", "OnePerAz", 3, 3],
  ] as const)("in %s: NAT strategy %s over %i AZs, %i NAT gateway(s)", async (tier, strategy, azs, nats) => {
    const { resources } = await run(tier);
    const vpc = one(resources, "awsx:ec2:Vpc");
    expect(vpc.inputs).toMatchObject({ natGateways: { strategy }, numberOfAvailabilityZones: azs });
    expect(vpc.outputs["natGateways"]).toHaveLength(nats);
  });

  it("honours natGateways and azCount over the tier", async () => {
    const { resources } = await run("dev", { natGateways: "one-per-az", azCount: 3 });
    expect(one(resources, "awsx:ec2:Vpc").outputs["natGateways"]).toHaveLength(3);
  });

  it("empties the VPC's default security group: no ingress, no egress", async () => {
    const { resources } = await run();
    const sg = one(resources, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
    expect(sg.inputs["vpcId"]).toBe(one(resources, "awsx:ec2:Vpc").outputs["vpcId"]);
    expect(sg.inputs["ingress"]).toBeUndefined();
    expect(sg.inputs["egress"]).toBeUndefined();
    expect(sg.name).toBe("network-default-sg");
  });

  describe("flow logs", () => {
    it("log every packet of the VPC to a CloudWatch log group kept for the tier's retention, encrypted with a rotated customer key", async () => {
      for (const tier of ["dev", "prod"] as const) {
        const { resources } = await run(tier);
        const group = one(resources, "aws:cloudwatch/logGroup:LogGroup", "network-flow-logs");
        const key = one(resources, "aws:kms/key:Key", "network-flow-logs-key");
        expect(group.inputs).toMatchObject({ retentionInDays: TIER_DEFAULTS[tier].logRetentionDays, kmsKeyId: key.outputs["arn"] });
        expect(key.inputs).toMatchObject({ enableKeyRotation: true, deletionWindowInDays: 30 });
        expect(key.protect).toBe(tier !== "dev");
        const flowLog = one(resources, "aws:ec2/flowLog:FlowLog", "network");
        expect(flowLog.inputs).toMatchObject({
          vpcId: one(resources, "awsx:ec2:Vpc").outputs["vpcId"], trafficType: "ALL", logDestinationType: "cloud-watch-logs",
          logDestination: group.outputs["arn"], iamRoleArn: one(resources, "aws:iam/role:Role").outputs["arn"],
        });
      }
    });

    it("key policy: the account administers it; CloudWatch Logs of the region may use it for this network's log groups only", async () => {
      const { resources } = await run();
      const statements = policy(one(resources, "aws:kms/key:Key", "network-flow-logs-key"), "policy").Statement;
      expect(statements).toEqual([
        { Sid: "AccountAdministers", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${MOCK_ACCOUNT_ID}:root` }, Action: "kms:*", Resource: "*" },
        {
          Sid: "CloudWatchLogsEncryptsFlowLogs", Effect: "Allow", Principal: { Service: "logs.us-east-1.amazonaws.com" }, Action: LOGS_KEY_ACTIONS, Resource: "*",
          Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:us-east-1:${MOCK_ACCOUNT_ID}:log-group:network-flow-logs-*` } },
        },
      ]);
      // The generated log group name falls under the condition's pattern.
      const name = String(one(resources, "aws:cloudwatch/logGroup:LogGroup").outputs["name"]);
      expect(name).toMatch(/^network-flow-logs-[0-9a-f]+$/);
    });

    it("role: assumable by the flow logs service only for this account's flow logs in this region", async () => {
      const { resources } = await run();
      expect(policy(one(resources, "aws:iam/role:Role", "network-flow-logs"), "assumeRolePolicy").Statement).toEqual([
        {
          Effect: "Allow", Principal: { Service: "vpc-flow-logs.amazonaws.com" }, Action: "sts:AssumeRole",
          Condition: { StringEquals: { "aws:SourceAccount": MOCK_ACCOUNT_ID }, ArnLike: { "aws:SourceArn": `arn:aws:ec2:us-east-1:${MOCK_ACCOUNT_ID}:vpc-flow-log/*` } },
        },
      ]);
    });

    it("role policy: writes to this log group only", async () => {
      const { resources } = await run();
      const group = one(resources, "aws:cloudwatch/logGroup:LogGroup");
      const rolePolicy = one(resources, "aws:iam/rolePolicy:RolePolicy", "network-flow-logs");
      expect(rolePolicy.inputs["role"]).toBe(one(resources, "aws:iam/role:Role").id);
      expect(policy(rolePolicy, "policy").Statement).toEqual([
        { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups", "logs:DescribeLogStreams"], Resource: [group.outputs["arn"], `${String(group.outputs["arn"])}:*`] },
      ]);
    });

    it("the flow log waits for its role's policy", async () => {
      const { resources } = await run();
      const rolePolicy = one(resources, "aws:iam/rolePolicy:RolePolicy");
      const flowLog = one(resources, "aws:ec2/flowLog:FlowLog");
      expect(flowLog.dependencies).toContain(rolePolicy.urn);
      // Not through an input: only dependsOn orders them.
      expect(Object.values(flowLog.propertyDependencies).flat()).not.toContain(rolePolicy.urn);
    });

    it("are left out when flowLogs is false", async () => {
      const { resources } = await run("prod", { flowLogs: false });
      for (const type of ["aws:ec2/flowLog:FlowLog", "aws:cloudwatch/logGroup:LogGroup", "aws:iam/role:Role", "aws:kms/key:Key"]) expect(byType(resources, type)).toHaveLength(0);
    });
  });

  describe("VPC endpoints", () => {
    it("are off in dev", async () => {
      const { resources } = await run("dev");
      expect(byType(resources, "aws:ec2/vpcEndpoint:VpcEndpoint")).toHaveLength(0);
      expect(byType(resources, "aws:ec2/securityGroup:SecurityGroup")).toHaveLength(0);
    });

    it.each(["staging", "prod"] as const)("in %s: an S3 gateway endpoint on the private route tables only", async (tier) => {
      const { resources } = await run(tier);
      const vpc = one(resources, "awsx:ec2:Vpc");
      const s3 = one(resources, "aws:ec2/vpcEndpoint:VpcEndpoint", "network-s3");
      const privateIds = vpc.outputs["privateSubnetIds"] as string[];
      const associations = vpc.outputs["routeTableAssociations"] as { subnetId: string; routeTableId: string }[];
      const privateTables = associations.filter((a) => privateIds.includes(a.subnetId)).map((a) => a.routeTableId);
      expect(privateTables).toHaveLength(privateIds.length);
      expect(s3.inputs).toMatchObject({ vpcId: vpc.outputs["vpcId"], serviceName: "com.amazonaws.us-east-1.s3", vpcEndpointType: "Gateway", routeTableIds: privateTables, tags });
    });

    it("interface endpoints for ECR api and dkr, STS and CloudWatch Logs: private DNS, private subnets, HTTPS from the VPC CIDR only", async () => {
      const { resources } = await run("staging");
      const vpc = one(resources, "awsx:ec2:Vpc");
      const sg = one(resources, "aws:ec2/securityGroup:SecurityGroup", "network-endpoints-sg");
      const interfaces = byType(resources, "aws:ec2/vpcEndpoint:VpcEndpoint").filter((e) => e.inputs["vpcEndpointType"] === "Interface");
      expect(interfaces.map((e) => e.inputs["serviceName"])).toEqual(Object.values(INTERFACE_ENDPOINTS).map((s) => `com.amazonaws.us-east-1.${s}`));
      for (const e of interfaces) {
        expect(e.inputs).toMatchObject({ vpcId: vpc.outputs["vpcId"], privateDnsEnabled: true, subnetIds: vpc.outputs["privateSubnetIds"], securityGroupIds: [sg.id], tags });
      }
      expect(sg.inputs["ingress"]).toBeUndefined();
      expect(sg.inputs["egress"]).toBeUndefined();
      const rules = byType(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
      expect(rules.map((r) => r.inputs)).toEqual([expect.objectContaining({ securityGroupId: sg.id, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "10.30.0.0/16" })]);
      expect(byType(resources, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule")).toHaveLength(0);
    });

    it("follow vpcEndpoints over the tier", async () => {
      expect(byType((await run("dev", { vpcEndpoints: true })).resources, "aws:ec2/vpcEndpoint:VpcEndpoint")).toHaveLength(5);
      expect(byType((await run("prod", { vpcEndpoints: false })).resources, "aws:ec2/vpcEndpoint:VpcEndpoint")).toHaveLength(0);
    });
  });

  it("keeps the names the stack shipped with and aliases them from the stack root", async () => {
    const { resources } = await run("dev");
    const root = (type: string, name: string) => `urn:pulumi:dev::mlops-platform::${type}::${name}`;
    for (const [type, name] of [
      ["awsx:ec2:Vpc", "network"],
      ["aws:cloudwatch/logGroup:LogGroup", "network-flow-logs"],
      ["aws:iam/role:Role", "network-flow-logs"],
      ["aws:iam/rolePolicy:RolePolicy", "network-flow-logs"],
      ["aws:ec2/flowLog:FlowLog", "network"],
    ] as const) {
      const r = one(resources, type, name);
      expect(r.urn).toBe(`urn:pulumi:dev::mlops-platform::${COMPONENT}$${type}::${name}`);
      expect(r.aliases).toContain(root(type, name));
    }
  });

  it("parents and tags every child", async () => {
    const { resources } = await run("prod");
    const component = one(resources, COMPONENT);
    const kids = resources.filter((r) => r.parent === component.urn);
    expect(kids.length).toBeGreaterThan(10);
    for (const k of kids) {
      expect(k.urn).toContain(`${COMPONENT}$`);
      expect(k.name.startsWith("network")).toBe(true);
      if (k.type !== "aws:iam/rolePolicy:RolePolicy") expect({ name: k.name, tags: k.inputs["tags"] }).toEqual({ name: k.name, tags });
    }
  });

  it("plans in preview with unknown ids", async () => {
    const { resources } = await run("prod", {}, true);
    expect(byType(resources, "aws:ec2/vpcEndpoint:VpcEndpoint")).toHaveLength(5);
    expect(one(resources, "aws:ec2/flowLog:FlowLog").inputs["vpcId"]).toBe("<unknown>");
  });
});
