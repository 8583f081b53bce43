import { describe, expect, it } from "@jest/globals";
import { flagged, res, runPolicy, unknown, via, violations } from "../../testing";

const sg = (ingress: Record<string, unknown>[]) => res("aws-native:ec2:SecurityGroup", "sg", { groupDescription: "x", securityGroupIngress: ingress });
const template = (data: Record<string, unknown>) => res("aws-native:ec2:LaunchTemplate", "lt", { launchTemplateData: data });
const instance = (inputs: Record<string, unknown>) => res("aws-native:ec2:Instance", "vm", { imageId: "ami-1", ...inputs });
const encryptedRoot = { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true } }] };

describe("aws-native-ec2-security-group-no-public-ingress", () => {
  const policy = "aws-native-ec2-security-group-no-public-ingress";

  it("passes HTTPS from anywhere and SSH from a private range", async () => {
    expect(
      await violations(policy, [
        sg([{ ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIp: "0.0.0.0/0" }, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIp: "10.0.0.0/8" }]),
        res("aws-native:ec2:SecurityGroupIngress", "https6", { groupId: "sg-1", ipProtocol: "tcp", fromPort: 80, toPort: 80, cidrIpv6: "::/0" }),
      ]),
    ).toEqual([]);
  });

  it("flags SSH, all traffic and port ranges from the internet", async () => {
    expect(
      await violations(policy, [
        sg([{ ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIp: "0.0.0.0/0" }, { ipProtocol: "-1", cidrIpv6: "::/0" }]),
        res("aws-native:ec2:SecurityGroupIngress", "range", { groupId: "sg-1", ipProtocol: "tcp", fromPort: 80, toPort: 443, cidrIp: "0.0.0.0/0" }),
      ]),
    ).toEqual([
      "securityGroupIngress[0] allows tcp 22 from 0.0.0.0/0: restrict the source to known CIDRs or security groups, or reach the service through a load balancer or SSM.",
      "securityGroupIngress[1] allows all traffic from ::/0: restrict the source to known CIDRs or security groups, or reach the service through a load balancer or SSM.",
      "The rule allows tcp 80-443 from 0.0.0.0/0: restrict the source to known CIDRs or security groups, or reach the service through a load balancer or SSM.",
    ]);
  });

  it("does not judge a rule whose CIDR is unknown during preview", async () => {
    const result = await runPolicy(policy, [res("aws-native:ec2:SecurityGroupIngress", "r", { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIp: unknown })]);
    expect(result.violations).toEqual([]);
    expect(result.indeterminate).toHaveLength(1);
  });
});

describe("aws-native-ec2-launch-template-imdsv2", () => {
  const policy = "aws-native-ec2-launch-template-imdsv2";

  it("passes required tokens, a disabled endpoint and an instance left to its launch template", async () => {
    expect(
      await violations(policy, [
        template({ metadataOptions: { httpTokens: "required" } }),
        instance({ metadataOptions: { httpEndpoint: "disabled" } }),
        { ...instance({ launchTemplate: { launchTemplateId: "lt-1", version: "1" } }), urn: "urn:lt-vm", name: "lt-vm" },
      ]),
    ).toEqual([]);
  });

  it("flags optional and unset httpTokens", async () => {
    expect(await violations(policy, [template({ metadataOptions: { httpTokens: "optional" } }), instance({})])).toEqual([
      'launchTemplateData.metadataOptions.httpTokens is "optional": instances answer IMDSv1 requests, which an SSRF can use to steal the instance role\'s credentials. Set it to "required".',
      "metadataOptions.httpTokens is not set (EC2's default is optional): instances answer IMDSv1 requests, which an SSRF can use to steal the instance role's credentials. Set it to \"required\".",
    ]);
  });
});

describe("aws-native-ec2-no-public-ip", () => {
  const policy = "aws-native-ec2-no-public-ip";

  it("passes interfaces without public addresses", async () => {
    expect(await violations(policy, [template({ networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: false }] }), instance({})])).toEqual([]);
  });

  it("flags associatePublicIpAddress on templates and instances", async () => {
    expect(
      await violations(policy, [template({ networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: true }] }), instance({ networkInterfaces: [{ deviceIndex: "0", associatePublicIpAddress: true }] })]),
    ).toEqual([
      "launchTemplateData.networkInterfaces[0].associatePublicIpAddress is true: the instance gets a public IPv4 address. Use private subnets with a NAT gateway.",
      "networkInterfaces[0].associatePublicIpAddress is true: the instance gets a public IPv4 address. Use private subnets with a NAT gateway.",
    ]);
  });
});

describe("aws-native-ec2-volumes-encrypted", () => {
  const policy = "aws-native-ec2-volumes-encrypted";

  it("passes encrypted mappings and volumes", async () => {
    expect(await violations(policy, [template(encryptedRoot), instance(encryptedRoot), res("aws-native:ec2:Volume", "v", { availabilityZone: "a", encrypted: true })])).toEqual([]);
  });

  it("flags templates without an ebs mapping, unencrypted mappings and volumes", async () => {
    expect(
      await violations(policy, [
        template({}),
        instance({ blockDeviceMappings: [{ deviceName: "/dev/sdb", ebs: { volumeSize: 10 } }] }),
        res("aws-native:ec2:Volume", "v", { availabilityZone: "a" }),
      ]),
    ).toEqual([
      "launchTemplateData.blockDeviceMappings has no ebs entry: the root volume's encryption is left to the AMI and the account default; map it with ebs.encrypted true.",
      "blockDeviceMappings[0] (/dev/sdb): ebs.encrypted is not true; set it, with a customer-managed kmsKeyId.",
      "encrypted is not true: the volume and its snapshots are unencrypted; set it, with a customer-managed kmsKeyId.",
    ]);
  });
});

const VPC = "aws-native:ec2:Vpc";
const FLOW_LOG = "aws-native:ec2:FlowLog";

describe("aws-native-ec2-vpc-flow-logs-enabled", () => {
  const policy = "aws-native-ec2-vpc-flow-logs-enabled";

  it("passes a VPC whose flow log names its id, and one whose flow log depends on it while the id is unknown", async () => {
    const vpc = res(VPC, "main", { cidrBlock: "10.0.0.0/16" }, { id: "vpc-1" });
    const log = res(FLOW_LOG, "main", { resourceId: "vpc-1", resourceType: "VPC", trafficType: "ALL" });
    const other = res(VPC, "other", { cidrBlock: "10.1.0.0/16" });
    const otherLog = via(res(FLOW_LOG, "other", { resourceId: unknown, resourceType: "VPC", trafficType: "ALL" }), "resourceId", other);
    expect(await violations(policy, [vpc, log, other, otherLog])).toEqual([]);
  });

  it("flags a VPC without a flow log, or whose only flow log is on a subnet", async () => {
    const vpc = res(VPC, "main", { cidrBlock: "10.0.0.0/16" }, { id: "vpc-1" });
    expect(await violations(policy, [vpc])).toEqual([
      'VPC main has no flow log: add an aws-native ec2.FlowLog with resourceType "VPC" and resourceId set to the VPC\'s id.',
    ]);
    const subnetLog = via(res(FLOW_LOG, "subnet", { resourceId: unknown, resourceType: "Subnet", trafficType: "ALL" }), "resourceId", vpc);
    expect(await flagged(policy, [vpc, subnetLog])).toEqual(["main"]);
  });
});
