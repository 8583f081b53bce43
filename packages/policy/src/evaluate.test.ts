import { describe, expect, it } from "@jest/globals";
import { evaluatePolicies } from "./evaluate";
import { policies } from "./policies";
import { childOf, res, unknown, via } from "./testing";

const publicDb = res("aws:rds/instance:Instance", "db", { instanceClass: "db.t3.medium", storageEncrypted: true, kmsKeyId: "k", publiclyAccessible: true });
const plainKey = res("aws:kms/key:Key", "key", {});

describe("evaluatePolicies", () => {
  it("reports violations at the pack's level, attributed to the resource, with the policy's description apart", async () => {
    const result = await evaluatePolicies([publicDb], { enforcementLevel: "mandatory" });
    expect(result.policiesRun).toEqual(policies.map((p) => p.name));
    expect(result.violations).toEqual([
      {
        policyName: "aws-rds-not-publicly-accessible",
        enforcementLevel: "mandatory",
        message: "publiclyAccessible is true: the database gets a public DNS name and address.",
        description: expect.stringContaining("must not be publiclyAccessible"),
        urn: publicDb.urn,
        resourceType: "aws:rds/instance:Instance",
        resourceName: "db",
      },
    ]);
  });

  it("checks no read resource (`.get`), with resource or stack policies: Pulumi sends reads to no policy", async () => {
    const read = { ...publicDb, name: "existing", urn: publicDb.urn.replace("::db", "::existing"), read: true };
    // A VPC without a flow log: the stack policy aws-ec2-vpc-flow-logs-enabled would flag it if it were managed.
    const vpc = res("aws:ec2/vpc:Vpc", "shared", { cidrBlock: "10.0.0.0/16" }, { id: "vpc-1" });
    const result = await evaluatePolicies([read, { ...vpc, read: true }], { enforcementLevel: "mandatory" });
    expect(result.violations).toEqual([]);
    expect((await evaluatePolicies([vpc], { enforcementLevel: "mandatory" })).violations.map((v) => v.policyName)).toContain("aws-ec2-vpc-flow-logs-enabled");
  });

  it("reports every violation as advisory when the pack is advisory (dev)", async () => {
    const result = await evaluatePolicies([publicDb, plainKey], { enforcementLevel: "advisory" });
    expect(result.violations.map((v) => [v.policyName, v.enforcementLevel])).toEqual([
      ["aws-rds-not-publicly-accessible", "advisory"],
      ["aws-kms-key-rotation-enabled", "advisory"],
    ]);
  });

  it("applies per-policy overrides over the pack's level, as --policy-pack-config does", async () => {
    const result = await evaluatePolicies([publicDb, plainKey], {
      enforcementLevel: "advisory",
      overrides: { "aws-rds-not-publicly-accessible": "mandatory", "aws-kms-key-rotation-enabled": "disabled" },
    });
    expect(result.violations.map((v) => [v.policyName, v.enforcementLevel])).toEqual([["aws-rds-not-publicly-accessible", "mandatory"]]);
    expect(result.policiesRun).not.toContain("aws-kms-key-rotation-enabled");
  });

  it("runs nothing when the pack is disabled", async () => {
    expect(await evaluatePolicies([publicDb, plainKey], { enforcementLevel: "disabled" })).toEqual({ violations: [], indeterminate: [], policiesRun: [] });
  });

  it("rejects an override for a policy the pack does not have", async () => {
    await expect(evaluatePolicies([], { enforcementLevel: "mandatory", overrides: { "aws-s3-typo": "advisory" } })).rejects.toThrow(
      /unknown policy name\(s\) in overrides: aws-s3-typo/,
    );
  });

  it("reports no violation for a preview graph whose checked values are unknown", async () => {
    const key = res("aws:kms/key:Key", "key", { enableKeyRotation: unknown });
    const bucket = res("aws:s3/bucketV2:BucketV2", "data", { bucket: unknown });
    const sse = via(res("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", "sse", { bucket: unknown, rules: unknown }), "bucket", bucket);
    const pab = via(res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "pab", { bucket: unknown, blockPublicAcls: unknown, blockPublicPolicy: unknown, ignorePublicAcls: unknown, restrictPublicBuckets: unknown }), "bucket", bucket);
    const db = res("aws:rds/instance:Instance", "db", { storageEncrypted: unknown, publiclyAccessible: unknown, backupRetentionPeriod: unknown, password: unknown });
    const sg = res("aws:ec2/securityGroup:SecurityGroup", "sg", { ingress: unknown });
    const rule = res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "rule", { ipProtocol: unknown, cidrIpv4: "0.0.0.0/0", fromPort: unknown, securityGroupId: unknown });
    const vpc = res("awsx:ec2:Vpc", "network", {}, { custom: false, remote: true });
    const log = via(res("aws:ec2/flowLog:FlowLog", "log", { vpcId: unknown }), "vpcId", vpc);
    const cluster = res(
      "eks:index:Cluster",
      "eks",
      { endpointPublicAccess: unknown, encryptionConfigKeyArn: unknown, enabledClusterLogTypes: unknown, skipDefaultNodeGroup: unknown },
      { custom: false, remote: true },
    );
    const template = res("aws:ec2/launchTemplate:LaunchTemplate", "nodes", { metadataOptions: unknown, blockDeviceMappings: unknown, networkInterfaces: unknown });
    const gke = res("gcp:container/cluster:Cluster", "gke", {
      privateClusterConfig: unknown,
      databaseEncryption: unknown,
      enableLegacyAbac: unknown,
      enableShieldedNodes: unknown,
      enableAutopilot: unknown,
      workloadIdentityConfig: unknown,
      loggingService: unknown,
      loggingConfig: unknown,
    });
    const nodePool = res("gcp:container/nodePool:NodePool", "workers", { cluster: unknown, nodeConfig: unknown });
    const gcs = res("gcp:storage/bucket:Bucket", "gcs", { uniformBucketLevelAccess: unknown, publicAccessPrevention: unknown, encryption: unknown });
    const sql = res("gcp:sql/databaseInstance:DatabaseInstance", "sql", { settings: unknown });
    const ns = res("kubernetes:core/v1:Namespace", "ns", { metadata: unknown });
    const netpol = via(res("kubernetes:networking.k8s.io/v1:NetworkPolicy", "deny", { metadata: unknown, spec: { podSelector: {}, policyTypes: ["Ingress"] } }), "metadata", ns);
    const pod = childOf(ns, res("kubernetes:core/v1:Pod", "pod", { metadata: unknown, spec: unknown }));
    const secret = res("kubernetes:core/v1:Secret", "secret", { metadata: { namespace: unknown }, stringData: { password: unknown } });
    const quota = via(res("kubernetes:core/v1:ResourceQuota", "quota", { metadata: unknown, spec: unknown }), "metadata", ns);
    const service = res("kubernetes:core/v1:Service", "lb", { metadata: unknown, spec: unknown });
    const role = res("kubernetes:rbac.authorization.k8s.io/v1:Role", "role", { rules: unknown });
    const all = [key, bucket, sse, pab, db, sg, rule, vpc, log, cluster, template, gke, nodePool, gcs, sql, ns, netpol, pod, secret, quota, service, role];
    const result = await evaluatePolicies(all, {
      enforcementLevel: "mandatory",
    });
    expect(result.violations).toEqual([]);
    expect(result.indeterminate.length).toBeGreaterThan(0);
    expect(result.indeterminate.every((v) => v.enforcementLevel === "advisory" && v.message.includes("during preview"))).toBe(true);
  });
});
