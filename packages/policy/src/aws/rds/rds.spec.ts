import { describe, expect, it } from "@jest/globals";
import { res, runPolicy, unknown, violations } from "../../testing";

const INSTANCE = "aws:rds/instance:Instance";
const CLUSTER = "aws:rds/cluster:Cluster";
const CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd";

describe("aws-rds-storage-encrypted-with-kms", () => {
  const policy = "aws-rds-storage-encrypted-with-kms";

  it("counts a key ARN unknown during preview (a key created in the same update) as set", async () => {
    const result = await runPolicy(policy, [res(INSTANCE, "db", { instanceClass: "db.t3.micro", storageEncrypted: true, kmsKeyId: unknown })]);
    expect({ violations: result.violations, indeterminate: result.indeterminate }).toEqual({ violations: [], indeterminate: [] });
  });


  it("passes an instance and a cluster encrypted with a customer KMS key", async () => {
    const resources = [
      res(INSTANCE, "db", { instanceClass: "db.t3.medium", storageEncrypted: true, kmsKeyId: KEY }),
      res(CLUSTER, "aurora", { engine: "aurora-postgresql", storageEncrypted: true, kmsKeyId: KEY }),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("flags an instance with unencrypted storage", async () => {
    expect(await violations(policy, [res(INSTANCE, "db", { instanceClass: "db.t3.medium" })])).toEqual([
      "storageEncrypted is not true: the database storage, backups and snapshots are unencrypted.",
    ]);
  });

  it("flags a cluster encrypted with the AWS-managed key instead of a customer key", async () => {
    expect(await violations(policy, [res(CLUSTER, "aurora", { engine: "aurora-postgresql", storageEncrypted: true })])).toEqual([
      "kmsKeyId is not set: storage is encrypted with the AWS-managed aws/rds key, not a customer KMS key.",
    ]);
  });
});

describe("aws-rds-not-publicly-accessible", () => {
  const policy = "aws-rds-not-publicly-accessible";

  it("passes a private instance", async () => {
    expect(await violations(policy, [res(INSTANCE, "db", { instanceClass: "db.t3.medium", publiclyAccessible: false })])).toEqual([]);
  });

  it("flags a publicly accessible instance and Aurora cluster instance", async () => {
    const resources = [
      res(INSTANCE, "db", { instanceClass: "db.t3.medium", publiclyAccessible: true }),
      res(CLUSTER_INSTANCE, "aurora-1", { engine: "aurora-postgresql", instanceClass: "db.r6g.large", publiclyAccessible: true }),
    ];
    expect(await violations(policy, resources)).toHaveLength(2);
  });
});

describe("aws-rds-backups-enabled", () => {
  const policy = "aws-rds-backups-enabled";

  it("passes a 7-day retention and the AWS default when unset", async () => {
    const resources = [res(INSTANCE, "db", { instanceClass: "db.t3.medium", backupRetentionPeriod: 7 }), res(CLUSTER, "aurora", { engine: "aurora-postgresql" })];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("flags a retention of 0, which turns automated backups off", async () => {
    expect(await violations(policy, [res(INSTANCE, "db", { instanceClass: "db.t3.medium", backupRetentionPeriod: 0 })])).toEqual([
      "backupRetentionPeriod is 0: automated backups are off.",
    ]);
  });

  it("does not apply to a read replica", async () => {
    expect(await violations(policy, [res(INSTANCE, "replica", { instanceClass: "db.t3.medium", replicateSourceDb: "db", backupRetentionPeriod: 0 })])).toEqual([]);
  });
});

describe("aws-rds-performance-insights-encrypted-with-kms", () => {
  const policy = "aws-rds-performance-insights-encrypted-with-kms";

  it("counts a key ARN unknown during preview (a key created in the same update) as set", async () => {
    const result = await runPolicy(policy, [res(INSTANCE, "db", { instanceClass: "db.t3.micro", performanceInsightsEnabled: true, performanceInsightsKmsKeyId: unknown })]);
    expect({ violations: result.violations, indeterminate: result.indeterminate }).toEqual({ violations: [], indeterminate: [] });
  });


  it("passes Performance Insights with a customer key, and instances without Performance Insights", async () => {
    const resources = [
      res(INSTANCE, "db", { instanceClass: "db.t3.micro", performanceInsightsEnabled: true, performanceInsightsKmsKeyId: KEY }),
      res(CLUSTER_INSTANCE, "aurora-1", { clusterIdentifier: "c", instanceClass: "db.r6g.large", engine: "aurora-postgresql" }),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("flags an instance, a cluster instance and a cluster with Performance Insights on the AWS-managed key", async () => {
    const resources = [
      res(INSTANCE, "db", { instanceClass: "db.t3.micro", performanceInsightsEnabled: true }),
      res(CLUSTER_INSTANCE, "aurora-1", { clusterIdentifier: "c", instanceClass: "db.r6g.large", engine: "aurora-postgresql", performanceInsightsEnabled: true }),
      res(CLUSTER, "multi-az", { engine: "postgres", performanceInsightsEnabled: true }),
    ];
    const found = await violations(policy, resources);
    expect(found.length).toBe(3);
    expect(found[0]).toBe(
      "performanceInsightsEnabled is true without performanceInsightsKmsKeyId: Performance Insights data (which holds SQL text and its literals) " +
        "is encrypted with the AWS-managed aws/rds key. Set performanceInsightsKmsKeyId to a customer-managed key.",
    );
  });
});
