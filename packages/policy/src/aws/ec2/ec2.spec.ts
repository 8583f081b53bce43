import { describe, expect, it } from "@jest/globals";
import { childOf, dependsOn, flagged, res, runPolicy, unknown, via, violations } from "../../testing";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const SG_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const ALB = "aws:lb/loadBalancer:LoadBalancer";
const VPC = "aws:ec2/vpc:Vpc";
const FLOW_LOG = "aws:ec2/flowLog:FlowLog";
const DEFAULT_VPC = "aws:ec2/defaultVpc:DefaultVpc";
const ECS_SERVICE = "aws:ecs/service:Service";
const INSTANCE = "aws:ec2/instance:Instance";
const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
const LAUNCH_CONFIGURATION = "aws:ec2/launchConfiguration:LaunchConfiguration";

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

  it("flags inbound HTTP (port 80) from anywhere on a group that is not a load balancer's", async () => {
    const sg = res(SG, "web", { ingress: [{ protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"] }] });
    expect(await violations(policy, [sg])).toEqual(["web opens tcp 80 to 0.0.0.0/0 on security group web, and security group web does not belong to a load balancer."]);
  });

  it("denies the load balancer exception to a group that an ECS service with assignPublicIp also uses (by id, and by dependency while ids are unknown)", async () => {
    const sg = res(SG, "shared", { ingress: [https] }, { id: "sg-5" });
    const alb = res(ALB, "web", { securityGroups: ["sg-5"] });
    const service = res(ECS_SERVICE, "api", { networkConfiguration: { assignPublicIp: true, subnets: ["subnet-1"], securityGroups: ["sg-5"] } });
    expect(await violations(policy, [sg, alb, service])).toEqual([
      "shared opens tcp 443 to 0.0.0.0/0 on security group shared, and security group shared is also used by ECS service api (assignPublicIp true), " +
        "which takes that traffic straight from the internet: give it a group of its own that admits only the load balancer's group.",
    ]);
    const pending = res(SG, "pending", { ingress: [https] });
    const pendingAlb = via(res(ALB, "web2", { securityGroups: [unknown] }), "securityGroups", pending);
    const pendingService = via(res(ECS_SERVICE, "api2", { networkConfiguration: { assignPublicIp: true, subnets: ["subnet-1"], securityGroups: [unknown] } }), "networkConfiguration", pending);
    expect(await flagged(policy, [pending, pendingAlb, pendingService])).toEqual(["pending"]);
  });

  it("denies it to a group used by a public instance, launch configuration or launch template interface, but keeps it for private tasks", async () => {
    const group = (name: string, id: string) => res(SG, name, { ingress: [https] }, { id });
    const lb = (ids: string[]) => res(ALB, `lb-${ids.join("-")}`, { securityGroups: ids });
    const resources = [
      group("instance-sg", "sg-a"),
      group("lc-sg", "sg-b"),
      group("lt-sg", "sg-c"),
      group("private-sg", "sg-d"),
      lb(["sg-a", "sg-b", "sg-c", "sg-d"]),
      res(INSTANCE, "bastion", { associatePublicIpAddress: true, vpcSecurityGroupIds: ["sg-a"] }),
      res(LAUNCH_CONFIGURATION, "asg", { imageId: "ami-1", instanceType: "t3.micro", associatePublicIpAddress: true, securityGroups: ["sg-b"] }),
      res(LAUNCH_TEMPLATE, "lt", { networkInterfaces: [{ associatePublicIpAddress: "true", securityGroups: ["sg-c"] }] }),
      res(ECS_SERVICE, "private", { networkConfiguration: { assignPublicIp: false, subnets: ["subnet-1"], securityGroups: ["sg-d"] } }),
      res(INSTANCE, "private-vm", { vpcSecurityGroupIds: ["sg-d"] }),
    ];
    expect(await flagged(policy, resources)).toEqual(["instance-sg", "lc-sg", "lt-sg"]);
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

  it("checks the default VPC once the program manages it (aws.ec2.DefaultVpc)", async () => {
    const vpc = res(DEFAULT_VPC, "default", {}, { id: "vpc-default" });
    expect(await violations(policy, [vpc])).toEqual(["VPC default has no flow log (aws.ec2.FlowLog with vpcId)."]);
    expect(await violations(policy, [vpc, res(FLOW_LOG, "default", { vpcId: "vpc-default", trafficType: "ALL" })])).toEqual([]);
  });

  it("flags an awsx VPC when the only flow log is on another VPC", async () => {
    const a = res("awsx:ec2:Vpc", "a", {}, { custom: false });
    const b = res("awsx:ec2:Vpc", "b", {}, { custom: false });
    const log = via(res(FLOW_LOG, "a", { vpcId: unknown }), "vpcId", a);
    expect(await flagged(policy, [a, b, log])).toEqual(["b"]);
  });
});

const VOLUME = "aws:ebs/volume:Volume";
const NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
const EKS_COMPONENT = "eks:index:Cluster";
const component = (inputs: Record<string, unknown>, name = "cluster") => res(EKS_COMPONENT, name, inputs, { custom: false, remote: true });
const nodeGroup = (inputs: Record<string, unknown> = {}) =>
  res(NODE_GROUP, "workers", { clusterName: "eks", nodeRoleArn: "arn", subnetIds: ["subnet-1"], scalingConfig: { desiredSize: 2, maxSize: 3, minSize: 1 }, ...inputs });
const encryptedRoot = { deviceName: "/dev/xvda", ebs: { encrypted: "true", volumeSize: 50 } };

describe("aws-ec2-launch-template-imdsv2", () => {
  const policy = "aws-ec2-launch-template-imdsv2";

  it("passes a launch template and an instance that require IMDSv2, a node group on such a template, and a component without a default node group", async () => {
    const resources = [
      res(LAUNCH_TEMPLATE, "nodes", { metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 2 } }),
      res(INSTANCE, "bastion", { ami: "ami-1", instanceType: "t3.micro", metadataOptions: { httpEndpoint: "enabled", httpTokens: "required" } }),
      res(INSTANCE, "from-template", { launchTemplate: { id: "lt-1" } }),
      nodeGroup({ launchTemplate: { id: "lt-1", version: "1" } }),
      component({ skipDefaultNodeGroup: true }),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("passes a launch template that disables the metadata endpoint", async () => {
    expect(await violations(policy, [res(LAUNCH_TEMPLATE, "batch", { metadataOptions: { httpEndpoint: "disabled" } })])).toEqual([]);
  });

  it("flags a launch template without metadata options and an instance with optional tokens", async () => {
    const resources = [res(LAUNCH_TEMPLATE, "nodes", { imageId: "ami-1" }), res(INSTANCE, "bastion", { ami: "ami-1", metadataOptions: { httpTokens: "optional" } })];
    expect(await violations(policy, resources)).toEqual([
      'metadataOptions.httpTokens is not set: instances answer IMDSv1 requests unless the AMI or the account default requires IMDSv2; set it to "required".',
      'metadataOptions.httpTokens is "optional", not "required": instances answer IMDSv1 requests.',
    ]);
  });

  it("flags a managed node group without a launch template and the eks component's default node group", async () => {
    expect(await violations(policy, [nodeGroup(), component({ enabledClusterLogTypes: ["api"] })])).toEqual([
      'The node group has no launchTemplate, so nothing in the program requires IMDSv2 on its nodes: use a launch template with metadataOptions.httpTokens "required".',
      "The default node group's launch template sets no metadataOptions (no eks.Cluster input sets them), so IMDSv2 is not required: set skipDefaultNodeGroup and add node groups whose launch template requires it.",
    ]);
  });
});

describe("aws-ec2-launch-template-volumes-encrypted", () => {
  const policy = "aws-ec2-launch-template-volumes-encrypted";

  it("passes encrypted launch template mappings, instance disks, volumes, a node group on a template and an encrypted default node group", async () => {
    const resources = [
      res(LAUNCH_TEMPLATE, "nodes", { blockDeviceMappings: [encryptedRoot, { deviceName: "/dev/sdb", virtualName: "ephemeral0" }] }),
      res(INSTANCE, "bastion", { rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }] }),
      res(INSTANCE, "from-template", { launchTemplate: { id: "lt-1" } }),
      res(VOLUME, "data", { availabilityZone: "us-east-1a", size: 100, encrypted: true }),
      nodeGroup({ launchTemplate: { name: "nodes", version: "$Latest" } }),
      component({ nodeGroupOptions: { nodeRootVolumeEncrypted: true, nodeAssociatePublicIpAddress: false } }),
      component({ autoMode: { enabled: true } }, "auto-mode"),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it('flags a launch template mapping whose ebs.encrypted is "false" and one without any ebs mapping', async () => {
    const resources = [
      res(LAUNCH_TEMPLATE, "nodes", { blockDeviceMappings: [encryptedRoot, { deviceName: "/dev/sdb", ebs: { encrypted: "false" } }] }),
      res(LAUNCH_TEMPLATE, "bare", { imageId: "ami-1" }),
    ];
    expect(await violations(policy, resources)).toEqual([
      'blockDeviceMappings[1] (/dev/sdb): ebs.encrypted is not "true".',
      'No blockDeviceMappings entry has ebs settings: the root volume\'s encryption is left to the AMI and the account default; map it with ebs.encrypted "true".',
    ]);
  });

  it("flags an instance with an unencrypted root and data disk, and an unencrypted volume", async () => {
    const resources = [
      res(INSTANCE, "bastion", { ami: "ami-1", ebsBlockDevices: [{ deviceName: "/dev/sdf", volumeSize: 10 }] }),
      res(VOLUME, "data", { availabilityZone: "us-east-1a", size: 100 }),
    ];
    expect(await violations(policy, resources)).toEqual([
      "rootBlockDevice.encrypted is not true: the root volume's encryption is left to the AMI and the account default.",
      "ebsBlockDevices[0] (/dev/sdf) is not encrypted.",
      "encrypted is not true.",
    ]);
  });

  it("checks launch configurations: passes encrypted root and data disks, flags unencrypted ones and an unset root", async () => {
    const lc = (inputs: Record<string, unknown>) => res(LAUNCH_CONFIGURATION, "asg", { imageId: "ami-1", instanceType: "t3.micro", ...inputs });
    expect(await violations(policy, [lc({ rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }] })])).toEqual([]);
    expect(await violations(policy, [lc({ ebsBlockDevices: [{ deviceName: "/dev/sdf" }] })])).toEqual([
      "rootBlockDevice.encrypted is not true: the root volumes' encryption is left to the AMI and the account default.",
      "ebsBlockDevices[0] (/dev/sdf) is not encrypted.",
    ]);
  });

  it("flags a node group without a launch template and an eks component whose default node group leaves root volumes unencrypted", async () => {
    expect(await violations(policy, [nodeGroup({ diskSize: 50 }), component({ nodeAssociatePublicIpAddress: false })])).toEqual([
      "The node group has no launchTemplate, so nothing in the program encrypts its disks: use a launch template with encrypted block devices.",
      "nodeRootVolumeEncrypted is not true: the default node group's root volumes are not encrypted.",
    ]);
  });
});

describe("aws-ec2-launch-template-volumes-encrypted-with-kms", () => {
  const policy = "aws-ec2-launch-template-volumes-encrypted-with-kms";

  it("counts a key ARN unknown during preview (a key created in the same update) as set", async () => {
    const result = await runPolicy(policy, [res(LAUNCH_TEMPLATE, "nodes", { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: unknown } }] })]);
    expect({ violations: result.violations, indeterminate: result.indeterminate }).toEqual({ violations: [], indeterminate: [] });
  });

  const KMS = "arn:aws:kms:us-east-1:111122223333:key/1234abcd";

  it("passes encrypted disks with a customer key, and leaves unencrypted ones to the encryption policy", async () => {
    const resources = [
      res(LAUNCH_TEMPLATE, "nodes", { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: KMS } }, { deviceName: "/dev/sdb", ebs: { encrypted: "false" } }] }),
      res(INSTANCE, "bastion", { rootBlockDevice: { encrypted: true, kmsKeyId: KMS }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true, kmsKeyId: KMS }] }),
      res(INSTANCE, "plain", { ami: "ami-1" }),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("flags encrypted launch template and instance disks on the AWS-managed key", async () => {
    const resources = [
      res(LAUNCH_TEMPLATE, "nodes", { blockDeviceMappings: [encryptedRoot] }),
      res(INSTANCE, "bastion", { rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }] }),
    ];
    expect(await violations(policy, resources)).toEqual([
      "blockDeviceMappings[0] (/dev/xvda): ebs.kmsKeyId is not set, so the volume uses the AWS-managed aws/ebs key. Set kmsKeyId to a customer-managed key.",
      "rootBlockDevice.kmsKeyId is not set, so the root volume uses the AWS-managed aws/ebs key. Set kmsKeyId to a customer-managed key.",
      "ebsBlockDevices[0] (/dev/sdf).kmsKeyId is not set, so the volume uses the AWS-managed aws/ebs key. Set kmsKeyId to a customer-managed key.",
    ]);
  });
});

describe("aws-ec2-no-public-ip", () => {
  const policy = "aws-ec2-no-public-ip";

  it("passes private launch templates, instances and an eks default node group without public IPs", async () => {
    const resources = [
      res(LAUNCH_TEMPLATE, "nodes", { networkInterfaces: [{ associatePublicIpAddress: "false", securityGroups: ["sg-1"] }] }),
      res(LAUNCH_TEMPLATE, "subnet-default", { imageId: "ami-1" }),
      res(INSTANCE, "bastion", { ami: "ami-1", associatePublicIpAddress: false }),
      component({ nodeAssociatePublicIpAddress: false }),
      component({ fargate: true }, "fargate"),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it('flags a launch template interface with associatePublicIpAddress "true" and a public instance', async () => {
    const resources = [
      res(LAUNCH_TEMPLATE, "nodes", { networkInterfaces: [{ associatePublicIpAddress: "true" }] }),
      res(INSTANCE, "bastion", { ami: "ami-1", associatePublicIpAddress: true }),
    ];
    expect(await violations(policy, resources)).toEqual([
      'networkInterfaces[0].associatePublicIpAddress is "true": instances get a public IP.',
      "associatePublicIpAddress is true: the instance gets a public IP.",
    ]);
  });

  it("checks launch configurations: flags associatePublicIpAddress true, passes false", async () => {
    const lc = (associatePublicIpAddress: boolean) => res(LAUNCH_CONFIGURATION, `asg-${associatePublicIpAddress}`, { imageId: "ami-1", instanceType: "t3.micro", associatePublicIpAddress });
    expect(await violations(policy, [lc(true), lc(false)])).toEqual(["associatePublicIpAddress is true: every instance the Auto Scaling group launches gets a public IP."]);
  });

  it("flags an eks component whose default node group keeps @pulumi/eks's public IPs, also through nodeGroupOptions", async () => {
    expect(await violations(policy, [component({ endpointPublicAccess: false }), component({ nodeGroupOptions: { nodeAssociatePublicIpAddress: true } }, "options")])).toEqual([
      "nodeAssociatePublicIpAddress is not false: the default node group's nodes get public IPs (@pulumi/eks defaults it to true).",
      "nodeGroupOptions.nodeAssociatePublicIpAddress is not false: the default node group's nodes get public IPs (@pulumi/eks defaults it to true).",
    ]);
  });
});
