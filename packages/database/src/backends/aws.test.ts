import { describe, expect, it, jest } from "@jest/globals";
import * as aws from "@pulumi/aws";
import { byType, one, runWithMocks } from "@mlops/testing";
import type { RecordedResource } from "@mlops/testing";
import type { DatabaseArgs } from "../types";

// An AWS stack must never load the other clouds' SDKs (the component requires backends lazily).
jest.mock("@pulumi/gcp", () => { throw new Error("@pulumi/gcp loaded by an aws Database"); });
jest.mock("@pulumi/kubernetes", () => { throw new Error("@pulumi/kubernetes loaded by an aws Database"); });

// Loaded after the mocks above are registered, so a top-level import of another cloud fails here.
const { Database } = require("../database") as typeof import("../database");
const { awsWindows, supportsPerformanceInsights } = require("./aws") as typeof import("./aws");

const tags = { project: "mlops", "cost-center": "ml" };
const placement = { aws: { vpcId: "vpc-0abc", subnetIds: ["subnet-a", "subnet-b"], allowedCidrBlocks: ["10.0.0.0/16", "fd00::/56"] } };
const COMPONENT = "mlops:database:Database";

function run(extra: Partial<DatabaseArgs> = {}, stack = "prod", preview = false) {
  return runWithMocks(() => {
    const db = new Database("metadata", { backend: "aws", tier: "prod", tags, placement, ...extra });
    return { host: db.host, port: db.port, password: db.password, connectionString: db.connectionString, nativeKeys: Object.keys(db.native) };
  }, { project: "mlops-platform", stack, preview });
}
const children = (resources: RecordedResource[]) => resources.filter((r) => r.parent === one(resources, COMPONENT).urn);

describe("Database on aws (RDS PostgreSQL)", () => {
  it("creates the export log groups first, named for the fixed instance identifier, with the tier's retention", async () => {
    const { resources } = await run();
    const db = one(resources, "aws:rds/instance:Instance");
    expect(db.inputs["identifier"]).toBe("mlops-platform-prod-metadata");
    const groups = byType(resources, "aws:cloudwatch/logGroup:LogGroup");
    expect(groups.map((g) => [g.inputs["name"], g.inputs["retentionInDays"]])).toEqual([
      ["/aws/rds/instance/mlops-platform-prod-metadata/postgresql", 365],
      ["/aws/rds/instance/mlops-platform-prod-metadata/upgrade", 365],
    ]);
    for (const g of groups) expect(db.dependencies).toContain(g.urn);
    expect(db.inputs["enabledCloudwatchLogsExports"]).toEqual(["postgresql", "upgrade"]);
  });

  it("omits maxAllocatedStorage when the ceiling would not be 10 % above the size (sizeGb 65536)", async () => {
    const { resources } = await run({ sizeGb: 65536 });
    expect(one(resources, "aws:rds/instance:Instance").inputs["maxAllocatedStorage"]).toBeUndefined();
  });

  it("encrypts storage and Performance Insights with a new rotated KMS key, protected like the database", async () => {
    const { resources } = await run();
    const key = one(resources, "aws:kms/key:Key");
    const db = one(resources, "aws:rds/instance:Instance");
    expect(key.inputs).toMatchObject({ enableKeyRotation: true, tags });
    expect(db.inputs).toMatchObject({ storageEncrypted: true, kmsKeyId: key.outputs["arn"], performanceInsightsEnabled: true, performanceInsightsKmsKeyId: key.outputs["arn"] });
    expect(key.protect).toBe(true);
  });

  it("keeps the instance private: no public access, subnet group over the private subnets, 5432 only from the allowed CIDRs", async () => {
    const { resources } = await run();
    const db = one(resources, "aws:rds/instance:Instance");
    const subnets = one(resources, "aws:rds/subnetGroup:SubnetGroup");
    const sg = one(resources, "aws:ec2/securityGroup:SecurityGroup");
    expect(db.inputs).toMatchObject({ publiclyAccessible: false, dbSubnetGroupName: subnets.outputs["name"], vpcSecurityGroupIds: [sg.id], port: 5432 });
    expect(subnets.inputs["subnetIds"]).toEqual(["subnet-a", "subnet-b"]);
    expect(sg.inputs["vpcId"]).toBe("vpc-0abc");
    expect(sg.inputs["ingress"]).toBeUndefined();
    expect(sg.inputs["egress"]).toBeUndefined();
    expect(byType(resources, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule")).toHaveLength(0);
    const rules = byType(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => r.inputs);
    expect(rules).toEqual([
      expect.objectContaining({ securityGroupId: sg.id, ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv4: "10.0.0.0/16" }),
      expect.objectContaining({ securityGroupId: sg.id, ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv6: "fd00::/56" }),
    ]);
    expect(rules[0]?.["cidrIpv6"]).toBeUndefined();
    expect(rules[1]?.["cidrIpv4"]).toBeUndefined();
  });

  it("forces TLS and logs slow statements through a parameter group of the engine's family", async () => {
    const { resources } = await run({ engineVersion: "17" });
    const params = one(resources, "aws:rds/parameterGroup:ParameterGroup");
    expect(params.inputs["family"]).toBe("postgres17");
    expect(params.inputs["parameters"]).toEqual(expect.arrayContaining([{ name: "rds.force_ssl", value: "1" }, { name: "log_min_duration_statement", value: "1000" }]));
    expect(one(resources, "aws:rds/instance:Instance").inputs).toMatchObject({
      engine: "postgres", engineVersion: "17", parameterGroupName: params.outputs["name"], iamDatabaseAuthenticationEnabled: true,
      autoMinorVersionUpgrade: true, enabledCloudwatchLogsExports: ["postgresql", "upgrade"], storageType: "gp3",
    });
  });

  it("in prod: Multi-AZ, 30 days of backups, deletion protection, a deterministic final snapshot and protect", async () => {
    const { resources } = await run();
    const db = one(resources, "aws:rds/instance:Instance");
    expect(db.inputs).toMatchObject({
      multiAz: true, backupRetentionPeriod: 30, backupWindow: "02:00-03:00", maintenanceWindow: "sun:04:00-sun:05:00",
      copyTagsToSnapshot: true, deletionProtection: true, skipFinalSnapshot: false,
      finalSnapshotIdentifier: "mlops-platform-prod-metadata-final", allocatedStorage: 100, maxAllocatedStorage: 1000, instanceClass: "db.r6g.large",
    });
    expect(db.inputs["finalSnapshotIdentifier"]).toMatch(/^[a-z](?!.*--)[a-z0-9-]{0,253}[a-z0-9]$/);
    expect(db.protect).toBe(true);
    expect(one(resources, "random:index/randomPassword:RandomPassword").protect).toBe(true);
  });

  it("in dev: single AZ, 7 days of backups, no deletion protection, no final snapshot, not protected", async () => {
    const { resources } = await run({ tier: "dev" }, "dev");
    const db = one(resources, "aws:rds/instance:Instance");
    expect(db.inputs).toMatchObject({ multiAz: false, backupRetentionPeriod: 7, backupWindow: "03:00-04:00", deletionProtection: false, skipFinalSnapshot: true, instanceClass: "db.t3.medium" });
    expect(db.inputs["finalSnapshotIdentifier"]).toBeUndefined();
    expect(db.protect).toBe(false);
    expect(one(resources, "aws:kms/key:Key").protect).toBe(false);
  });

  it("uses the caller's KMS key instead of creating one", async () => {
    const arn = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";
    const { resources } = await run({ kmsKeyId: arn });
    expect(byType(resources, "aws:kms/key:Key")).toHaveLength(0);
    expect(one(resources, "aws:rds/instance:Instance").inputs).toMatchObject({ kmsKeyId: arn, performanceInsightsKmsKeyId: arn });
  });

  it("skips Performance Insights on classes that do not offer it", async () => {
    const { resources } = await run({ instanceClass: "db.t3.micro" });
    const db = one(resources, "aws:rds/instance:Instance");
    expect(db.inputs["performanceInsightsEnabled"]).toBe(false);
    expect(db.inputs["performanceInsightsKmsKeyId"]).toBeUndefined();
    expect(supportsPerformanceInsights("db.t4g.small")).toBe(false);
    expect(supportsPerformanceInsights("db.t3.medium")).toBe(true);
  });

  it("keeps the generated password secret: RDS input, outputs and connection string", async () => {
    const { resources, stackOutputs, secretOutputs } = await run();
    const db = one(resources, "aws:rds/instance:Instance");
    const password = one(resources, "random:index/randomPassword:RandomPassword");
    expect(password.inputs).toMatchObject({ length: 32, special: true });
    expect(String(password.inputs["overrideSpecial"])).not.toMatch(/[/@"' ]/);
    expect(db.secretPaths).toContain("password");
    expect(db.inputs["password"]).toBe(password.outputs["result"]);
    expect(secretOutputs).toEqual(expect.arrayContaining(["password", "connectionString"]));
    const encoded = encodeURIComponent(String(password.outputs["result"]));
    expect(stackOutputs["connectionString"]).toBe(`postgresql://mlops_admin:${encoded}@${String(db.outputs["address"])}:5432/mlops?sslmode=require`);
    expect(stackOutputs).toMatchObject({ host: db.outputs["address"], port: 5432, nativeKeys: ["aws"] });
  });

  it("tags every taggable child and parents every child to the component", async () => {
    const { resources } = await run();
    const kids = children(resources);
    const rule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    const types = ["aws:ec2/securityGroup:SecurityGroup", "aws:kms/key:Key", "aws:rds/instance:Instance", "aws:rds/parameterGroup:ParameterGroup"];
    expect(kids.map((r) => r.type).sort()).toEqual(["aws:cloudwatch/logGroup:LogGroup", "aws:cloudwatch/logGroup:LogGroup", ...types, "aws:rds/subnetGroup:SubnetGroup", rule, rule, "random:index/randomPassword:RandomPassword"]);
    for (const r of kids.filter((k) => k.type.startsWith("aws:"))) expect(r.inputs["tags"]).toEqual(tags);
  });

  it("inherits the provider given to the component", async () => {
    const { resources } = await runWithMocks(() => {
      const provider = new aws.Provider("primary", { region: "eu-west-1" });
      return new Database("metadata", { backend: "aws", tier: "dev", tags, placement }, { providers: [provider] }).urn;
    }, { project: "mlops-platform", stack: "dev" });
    expect(one(resources, "aws:rds/instance:Instance").provider).toContain("pulumi:providers:aws::primary");
  });

  it("builds in preview, with unknown computed values", async () => {
    const { resources, stackOutputs } = await run({}, "prod", true);
    expect(one(resources, "aws:rds/instance:Instance").inputs).toMatchObject({ storageEncrypted: true, publiclyAccessible: false, multiAz: true });
    expect(stackOutputs["port"]).toBeDefined();
  });

  it("derives non-overlapping backup and maintenance windows from the tier's hour", () => {
    expect(awsWindows(2)).toEqual({ backupWindow: "02:00-03:00", maintenanceWindow: "sun:04:00-sun:05:00" });
    expect(awsWindows(23)).toEqual({ backupWindow: "23:00-00:00", maintenanceWindow: "sun:01:00-sun:02:00" });
  });
});
