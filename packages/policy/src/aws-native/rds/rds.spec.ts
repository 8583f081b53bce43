import { describe, expect, it } from "@jest/globals";
import { res, runPolicy, unknown, violations } from "../../testing";

const KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234";
const instance = (inputs: Record<string, unknown>) => res("aws-native:rds:DbInstance", "db", { engine: "postgres", ...inputs });
const cluster = (inputs: Record<string, unknown>) => res("aws-native:rds:DbCluster", "aurora", { engine: "aurora-postgresql", ...inputs });

describe("aws-native-rds-storage-encrypted-with-kms", () => {
  const policy = "aws-native-rds-storage-encrypted-with-kms";

  it("passes encrypted instances and clusters with customer keys, and Aurora members", async () => {
    expect(
      await violations(policy, [
        instance({ storageEncrypted: true, kmsKeyId: KEY }),
        cluster({ storageEncrypted: true, kmsKeyId: KEY }),
        { ...instance({ dbClusterIdentifier: "aurora" }), urn: "urn:member", name: "member" },
      ]),
    ).toEqual([]);
  });

  it("flags unencrypted storage and the AWS-managed key", async () => {
    expect(await violations(policy, [instance({}), cluster({ storageEncrypted: true })])).toEqual([
      "storageEncrypted is not true: storage, backups and snapshots are unencrypted. Set it with a customer-managed kmsKeyId.",
      "kmsKeyId is not set: storage is encrypted with the AWS-managed aws/rds key; name a customer-managed key.",
    ]);
  });
  it("counts a key created in the same update (unknown in preview) as set, so the check runs", async () => {
    const result = await runPolicy(policy, [instance({ storageEncrypted: true, kmsKeyId: unknown })]);
    expect([result.violations, result.indeterminate]).toEqual([[], []]);
  });
});

describe("aws-native-rds-not-publicly-accessible", () => {
  const policy = "aws-native-rds-not-publicly-accessible";

  it("passes private databases", async () => {
    expect(await violations(policy, [instance({ publiclyAccessible: false }), cluster({})])).toEqual([]);
  });

  it("flags public instances and clusters", async () => {
    const message = "publiclyAccessible is true: the database gets a public address. Remove it (or set false) and reach it from the VPC.";
    expect(await violations(policy, [instance({ publiclyAccessible: true }), cluster({ publiclyAccessible: true })])).toEqual([message, message]);
  });
});

describe("aws-native-rds-performance-insights-encrypted-with-kms", () => {
  const policy = "aws-native-rds-performance-insights-encrypted-with-kms";

  it("passes Performance Insights off or with a customer key", async () => {
    expect(
      await violations(policy, [instance({}), instance({ enablePerformanceInsights: true, performanceInsightsKmsKeyId: KEY }), cluster({ performanceInsightsEnabled: true, performanceInsightsKmsKeyId: KEY })]),
    ).toEqual([]);
  });

  it("flags Performance Insights without a key on instances and clusters", async () => {
    expect(await violations(policy, [instance({ enablePerformanceInsights: true }), cluster({ performanceInsightsEnabled: true })])).toHaveLength(2);
  });
});
