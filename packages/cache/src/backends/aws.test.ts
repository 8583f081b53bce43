import { describe, expect, it } from "@jest/globals";
import { byType, childrenOf, one, runWithMocks } from "@mlops/testing";
import { Cache } from "../cache";
import type { CacheArgs } from "../types";
import { supportsTransitEncryptionMode } from "./aws-tls";

const tags = { project: "mlops", stack: "dev", tier: "dev", "managed-by": "pulumi", "cost-center": "ml" };
const placement = { aws: { vpcId: "vpc-123", subnetIds: ["subnet-a", "subnet-b"], allowedCidrBlocks: ["10.0.0.0/16", "10.1.0.0/16"] } };
const args = (extra: Partial<CacheArgs> = {}): CacheArgs => ({ backend: "aws", tier: "dev", tags, placement, ...extra });

function plan(extra: Partial<CacheArgs> = {}, preview = false) {
  return runWithMocks(
    () => {
      const c = new Cache("online", args(extra));
      return { host: c.host, port: c.port, tls: c.tls, caCertificate: c.caCertificate, authToken: c.authToken, connectionUrl: c.connectionUrl };
    },
    { project: "mlops-platform", stack: "dev", preview },
  );
}

const RG = "aws:elasticache/replicationGroup:ReplicationGroup";
const KEY = "aws:kms/key:Key";

describe("Cache on aws", () => {
  it("encrypts the replication group at rest with the component's own rotated KMS key and in transit, with AUTH", async () => {
    const { resources } = await plan();
    const rg = one(resources, RG);
    const key = one(resources, KEY);
    expect(rg.inputs).toMatchObject({
      engine: "redis",
      engineVersion: "7.1",
      atRestEncryptionEnabled: true,
      transitEncryptionEnabled: true,
      transitEncryptionMode: "required",
      port: 6379,
      autoMinorVersionUpgrade: true,
    });
    expect(key.inputs).toMatchObject({ enableKeyRotation: true });
    expect(rg.dependencies).toContain(key.urn);
    expect(rg.inputs.kmsKeyId).toBeDefined();
    expect(rg.inputs.kmsKeyId).toBe(key.outputs.arn);
    expect(String(rg.inputs.authToken)).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(rg.secretPaths).toContain("authToken");
    expect(one(resources, "random:index/randomPassword:RandomPassword").inputs).toMatchObject({ length: 64, special: false });
  });

  it("sets transitEncryptionMode only where ElastiCache accepts it (Redis OSS 7.0.5 and later)", async () => {
    const old = one((await plan({ engineVersion: "6.2" })).resources, RG).inputs;
    expect(old).toMatchObject({ engineVersion: "6.2", transitEncryptionEnabled: true });
    expect(old).not.toHaveProperty("transitEncryptionMode");
    expect(one((await plan({ engineVersion: "7.0" })).resources, RG).inputs).toMatchObject({ engineVersion: "7.0", transitEncryptionMode: "required" });
    expect([["6.2", false], ["6.2.6", false], ["7.0.4", false], ["7.0.5", true], ["7.0", true], ["7.1", true], ["8.0", true]].map(([v]) => [v, supportsTransitEncryptionMode(String(v))])).toEqual(
      [["6.2", false], ["6.2.6", false], ["7.0.4", false], ["7.0.5", true], ["7.0", true], ["7.1", true], ["8.0", true]],
    );
  });

  it("puts the snapshot window at the stack's backup hour and keeps its retention, maintenance three hours later", async () => {
    const rg = one((await plan({ backup: { schedule: "0 20 * * *", retentionDays: 10 } })).resources, RG);
    expect(rg.inputs).toMatchObject({ snapshotWindow: "20:00-21:00", maintenanceWindow: "sun:23:00-mon:00:00", snapshotRetentionLimit: 10 });
    expect(one((await plan({ backup: { schedule: "0 1 * * *", retentionDays: 90 } })).resources, RG).inputs).toMatchObject({ snapshotWindow: "01:00-02:00", snapshotRetentionLimit: 35 });
  });

  it("uses a caller's key instead of creating one", async () => {
    const { resources } = await plan({ kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/abc" });
    expect(byType(resources, KEY)).toHaveLength(0);
    expect(one(resources, RG).inputs.kmsKeyId).toBe("arn:aws:kms:us-east-1:111122223333:key/abc");
  });

  it("places the group in a private subnet group behind a security group open on 6379 to the allowed CIDRs only", async () => {
    const { resources } = await plan();
    const rg = one(resources, RG);
    const subnets = one(resources, "aws:elasticache/subnetGroup:SubnetGroup");
    const sg = one(resources, "aws:ec2/securityGroup:SecurityGroup");
    expect(subnets.inputs.subnetIds).toEqual(["subnet-a", "subnet-b"]);
    expect(sg.inputs.vpcId).toBe("vpc-123");
    expect(sg.inputs.ingress ?? []).toEqual([]);
    expect(sg.inputs.egress ?? []).toEqual([]);
    expect(rg.dependencies).toEqual(expect.arrayContaining([subnets.urn, sg.urn]));
    const rules = byType(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
    expect(rules.map((r) => r.inputs.cidrIpv4).sort()).toEqual(["10.0.0.0/16", "10.1.0.0/16"]);
    for (const rule of rules) {
      expect(rule.inputs).toMatchObject({ ipProtocol: "tcp", fromPort: 6379, toPort: 6379 });
      expect(rule.dependencies).toContain(sg.urn);
    }
    expect(byType(resources, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule")).toHaveLength(0);
  });

  it("routes an IPv6 block through cidrIpv6", async () => {
    const { resources } = await plan({ placement: { aws: { ...placement.aws, allowedCidrBlocks: ["fd00::/8"] } } });
    const rule = one(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
    expect(rule.inputs.cidrIpv6).toBe("fd00::/8");
    expect(rule.inputs.cidrIpv4).toBeUndefined();
  });

  it("runs a single unprotected node with 7-day snapshots in dev", async () => {
    const { resources } = await plan();
    const rg = one(resources, RG);
    expect(rg.inputs).toMatchObject({
      nodeType: "cache.t3.small",
      numCacheClusters: 1,
      automaticFailoverEnabled: false,
      multiAzEnabled: false,
      snapshotRetentionLimit: 7,
      snapshotWindow: "03:00-04:00",
      maintenanceWindow: "sun:06:00-sun:07:00",
    });
    expect(rg.protect).toBe(false);
    expect(one(resources, KEY).protect).toBe(false);
  });

  it("runs a protected Multi-AZ group with two replicas, failover and 30-day snapshots in prod", async () => {
    const { resources } = await plan({ tier: "prod" });
    const rg = one(resources, RG);
    expect(rg.inputs).toMatchObject({
      nodeType: "cache.r6g.large",
      numCacheClusters: 3,
      automaticFailoverEnabled: true,
      multiAzEnabled: true,
      snapshotRetentionLimit: 30,
      snapshotWindow: "02:00-03:00",
    });
    expect(rg.protect).toBe(true);
    expect(one(resources, KEY).protect).toBe(true);
  });

  it("tags every taggable child and parents every child to the component", async () => {
    const { resources } = await plan();
    const component = one(resources, "mlops:cache:Cache");
    const children = childrenOf(resources, component.urn);
    expect(children.map((c) => c.type).sort()).toEqual(
      [
        "aws:ec2/securityGroup:SecurityGroup",
        "aws:elasticache/replicationGroup:ReplicationGroup",
        "aws:elasticache/subnetGroup:SubnetGroup",
        "aws:kms/key:Key",
        "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        "random:index/randomPassword:RandomPassword",
      ].sort(),
    );
    for (const child of children.filter((c) => c.type.startsWith("aws:"))) expect(child.inputs.tags).toEqual(tags);
    expect(resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:") && r.parent !== component.urn).map((r) => r.urn)).toEqual([]);
  });

  it("exposes a TLS endpoint on 6379 and keeps the token and the rediss:// URL secret", async () => {
    const { stackOutputs, secretOutputs, resources } = await plan();
    const token = String(one(resources, RG).inputs.authToken);
    expect(stackOutputs).toMatchObject({ port: 6379, tls: true, caCertificate: "", authToken: token });
    expect(stackOutputs.connectionUrl).toBe(`rediss://:${token}@${String(stackOutputs.host)}:6379`);
    expect(stackOutputs.host).toBe(one(resources, RG).outputs.primaryEndpointAddress);
    expect(secretOutputs).toEqual(expect.arrayContaining(["authToken", "connectionUrl"]));
  });

  it("exposes the native resources of the aws backend only", async () => {
    const { result } = await runWithMocks(
      () => {
        const c = new Cache("online", args());
        return { backends: Object.keys(c.native), ingress: c.native.aws?.ingressRules.length, hasKey: c.native.aws?.key !== undefined };
      },
      { project: "mlops-platform", stack: "dev" },
    );
    expect(result).toEqual({ backends: ["aws"], ingress: 2, hasKey: true });
  });

  it("builds in preview, when ids and endpoints are unknown", async () => {
    const { resources } = await plan({ tier: "staging" }, true);
    expect(one(resources, RG).inputs).toMatchObject({ numCacheClusters: 2, multiAzEnabled: true, atRestEncryptionEnabled: true });
  });
});
