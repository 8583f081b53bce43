import { describe, expect, it } from "@jest/globals";
import { childOf, dependsOn, flagged, res, unknown, via, violations } from "../../testing";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const SG_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const ALB = "aws:lb/loadBalancer:LoadBalancer";
const VPC = "aws:ec2/vpc:Vpc";
const FLOW_LOG = "aws:ec2/flowLog:FlowLog";

const https = { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] };

describe("aws-ec2-no-public-ingress", () => {
  const policy = "aws-ec2-no-public-ingress";

  it("passes HTTPS from anywhere on a security group used by a load balancer", async () => {
    const sg = res(SG, "alb", { ingress: [https, { ...https, cidrBlocks: [], ipv6CidrBlocks: ["::/0"] }] }, { id: "sg-1" });
    const alb = res(ALB, "web", { securityGroups: ["sg-1"] });
    expect(await violations(policy, [sg, alb])).toEqual([]);
  });

  it("passes a load balancer group found through dependencies while ids are unknown, and one tagged role=load-balancer", async () => {
    const sg = res(SG, "alb", { ingress: [https] });
    const alb = via(res(ALB, "web", { securityGroups: [unknown] }), "securityGroups", sg);
    const tagged = res(SG, "ingress-nginx", { ingress: [https], tags: { role: "load-balancer" } });
    expect(await violations(policy, [sg, alb, tagged])).toEqual([]);
  });

  it("passes ingress from private ranges only", async () => {
    const sg = res(SG, "db", { ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["10.0.0.0/16"] }] });
    expect(await violations(policy, [sg])).toEqual([]);
  });

  it("flags SSH open to 0.0.0.0/0 inline on a security group", async () => {
    const sg = res(SG, "bastion", { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] });
    expect(await violations(policy, [sg])).toEqual(["bastion opens tcp 22 to 0.0.0.0/0 on security group bastion."]);
  });

  it("flags HTTPS from anywhere on a security group that no load balancer uses", async () => {
    const sg = res(SG, "app", { ingress: [https] });
    expect(await violations(policy, [sg])).toEqual([
      "app opens tcp 443 to 0.0.0.0/0 on security group app, and security group app does not belong to a load balancer.",
    ]);
  });

  it("flags a standalone SecurityGroupRule whose port range 20-30 includes SSH from ::/0", async () => {
    const sg = res(SG, "app", {}, { id: "sg-2" });
    const rule = res(SG_RULE, "ssh-range", { type: "ingress", protocol: "tcp", fromPort: 20, toPort: 30, ipv6CidrBlocks: ["::/0"], securityGroupId: "sg-2" });
    const egress = res(SG_RULE, "egress", { type: "egress", protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"], securityGroupId: "sg-2" });
    expect(await violations(policy, [sg, rule, egress])).toEqual(["ssh-range opens tcp 20-30 to ::/0 on security group app."]);
  });

  it("flags a vpc.SecurityGroupIngressRule with ipProtocol -1 (all ports) even on a load balancer group", async () => {
    const sg = res(SG, "alb", {}, { id: "sg-3" });
    const alb = res(ALB, "web", { securityGroups: ["sg-3"] });
    const rule = res(INGRESS_RULE, "all", { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0", securityGroupId: "sg-3" });
    expect(await flagged(policy, [sg, alb, rule])).toEqual(["all"]);
  });

  it("flags a port range 80-443 from anywhere: it also opens 81-442", async () => {
    const sg = res(SG, "alb", { tags: { role: "load-balancer" } }, { id: "sg-4" });
    const rule = res(INGRESS_RULE, "wide", { ipProtocol: "tcp", fromPort: 80, toPort: 443, cidrIpv6: "::/0", securityGroupId: "sg-4" });
    expect(await violations(policy, [sg, rule])).toEqual(["wide opens tcp 80-443 to ::/0 on security group alb."]);
  });

  it("skips a rule whose CIDR blocks are unknown during preview", async () => {
    const sg = res(SG, "app", { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: unknown }] });
    expect(await violations(policy, [sg])).toEqual([]);
  });
});

describe("aws-ec2-vpc-flow-logs-enabled", () => {
  const policy = "aws-ec2-vpc-flow-logs-enabled";

  it("passes a VPC whose flow log names its id", async () => {
    const vpc = res(VPC, "main", { cidrBlock: "10.0.0.0/16" }, { id: "vpc-1" });
    const log = res(FLOW_LOG, "main", { vpcId: "vpc-1", trafficType: "ALL" });
    expect(await violations(policy, [vpc, log])).toEqual([]);
  });

  it("passes an awsx VPC component (no children under the mock engine) whose flow log depends on it", async () => {
    const vpc = res("awsx:ec2:Vpc", "network", {}, { custom: false, remote: true });
    const log = via(res(FLOW_LOG, "network", { vpcId: unknown }), "vpcId", vpc);
    expect(await violations(policy, [vpc, log])).toEqual([]);
  });

  it("passes the aws.ec2.Vpc inside an awsx VPC when the flow log depends on the component", async () => {
    const component = res("awsx:ec2:Vpc", "network", {}, { custom: false, remote: true });
    const vpc = childOf(component, res(VPC, "network", { cidrBlock: "10.0.0.0/16" }));
    const log = dependsOn(res(FLOW_LOG, "network", { vpcId: unknown }), component);
    expect(await violations(policy, [component, vpc, log])).toEqual([]);
  });

  it("flags a VPC without a flow log", async () => {
    expect(await violations(policy, [res(VPC, "main", { cidrBlock: "10.0.0.0/16" }, { id: "vpc-1" })])).toEqual([
      "VPC main has no flow log (aws.ec2.FlowLog with vpcId).",
    ]);
  });

  it("flags an awsx VPC when the only flow log is on another VPC", async () => {
    const a = res("awsx:ec2:Vpc", "a", {}, { custom: false });
    const b = res("awsx:ec2:Vpc", "b", {}, { custom: false });
    const log = via(res(FLOW_LOG, "a", { vpcId: unknown }), "vpcId", a);
    expect(await flagged(policy, [a, b, log])).toEqual(["b"]);
  });
});
