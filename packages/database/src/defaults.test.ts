import { describe, expect, it } from "@jest/globals";
import { TIER_DEFAULTS } from "@mlops/core";
import { cronHour, withDefaults } from "./defaults";
import type { DatabaseArgs } from "./types";

const placement = { aws: { vpcId: "vpc-1", subnetIds: ["subnet-a", "subnet-b"], allowedCidrBlocks: ["10.0.0.0/16"] } };
const base: DatabaseArgs = { backend: "aws", tier: "dev", tags: { project: "mlops" }, placement };

describe("withDefaults", () => {
  it("takes sizes, retention and the instance class from the dev tier, unprotected and without deletion protection", () => {
    const r = withDefaults(base);
    expect(r).toMatchObject({
      engineVersion: "16",
      databaseName: "mlops",
      username: "mlops_admin",
      sizeGb: 20,
      maxSizeGb: 100,
      instanceClass: "db.t3.medium",
      highAvailability: false,
      backupRetentionDays: 7,
      deletionProtection: false,
      protect: false,
      backupStartHour: 3,
    });
    expect(r.kmsKeyId).toBeUndefined();
  });

  it("raises the storage ceiling to a size above the tier's, and keeps an explicit one", () => {
    expect(withDefaults({ ...base, sizeGb: 500 }).maxSizeGb).toBe(500);
    expect(withDefaults({ ...base, sizeGb: 50, maxSizeGb: 80 }).maxSizeGb).toBe(80);
  });

  it("turns on HA, protection, deletion protection and 30-day retention in prod", () => {
    const r = withDefaults({ ...base, tier: "prod" });
    expect(r).toMatchObject({
      highAvailability: true,
      protect: true,
      deletionProtection: true,
      backupRetentionDays: 30,
      sizeGb: 100,
      maxSizeGb: 1000,
      instanceClass: "db.r6g.large",
      backupStartHour: 2,
    });
  });

  it("protects staging but leaves deletion protection to prod", () => {
    expect(withDefaults({ ...base, tier: "staging" })).toMatchObject({ protect: true, deletionProtection: false, highAvailability: false });
  });

  it("picks the machine tier of the backend", () => {
    expect(withDefaults({ ...base, backend: "gcp" }).instanceClass).toBe(TIER_DEFAULTS.dev.database.gcpTier);
    expect(withDefaults({ ...base, backend: "kubernetes" }).instanceClass).toBe("");
  });

  it("keeps every value the caller set over the tier's", () => {
    const args: DatabaseArgs = {
      ...base,
      tier: "prod",
      engineVersion: "17",
      databaseName: "features",
      username: "feast",
      sizeGb: 40,
      maxSizeGb: 80,
      instanceClass: "db.m7g.large",
      highAvailability: false,
      backupRetentionDays: 14,
      deletionProtection: false,
      protect: false,
      kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/abc",
    };
    expect(withDefaults(args)).toMatchObject({ ...args, tags: { project: "mlops" } });
  });

  it("copies the tags so later changes to the caller's object do not leak in", () => {
    const tags: Record<string, string> = { project: "mlops" };
    const r = withDefaults({ ...base, tags });
    tags["extra"] = "x";
    expect(r.tags).toEqual({ project: "mlops" });
  });
});

describe("cronHour", () => {
  it("reads the hour of a cron schedule", () => {
    expect(cronHour("0 2 * * *")).toBe(2);
    expect(cronHour("30 23 * * 0")).toBe(23);
  });

  it("falls back to 2 when the hour is a list, a step or out of range", () => {
    expect(cronHour("0 */6 * * *")).toBe(2);
    expect(cronHour("0 1,13 * * *")).toBe(2);
    expect(cronHour("0 25 * * *")).toBe(2);
  });
});
