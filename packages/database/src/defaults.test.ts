import { describe, expect, it } from "@jest/globals";
import { DATABASE_TIER_DEFAULTS, databaseSettings, resolveSettings, type Backend, type Tier } from "@mlops/core";
import { resolveDatabase } from "./defaults";
import type { DatabaseSettings } from "@mlops/core";

const placement = { aws: { vpcId: "vpc-1", subnetIds: ["subnet-a", "subnet-b"], allowedCidrBlocks: ["10.0.0.0/16"] } };

function resolved(settings: DatabaseSettings = {}, tier: Tier = "dev", backend: Backend = "aws", wiring = {}) {
  const result = resolveSettings(databaseSettings, settings, { backend, tier });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return resolveDatabase(result.value, { backend, tier, tags: { project: "mlops" }, placement, protect: tier !== "dev" }, wiring);
}

describe("Database defaults", () => {
  it("takes sizes, retention and the instance class from the dev tier, without deletion protection", () => {
    expect(resolved()).toMatchObject({
      engineVersion: "16", databaseName: "mlops", username: "mlops_admin", sizeGb: 20, maxSizeGb: 100,
      instanceClass: "db.t3.medium", highAvailability: false, backupRetentionDays: 7, deletionProtection: false, backupStartHour: 3,
    });
  });

  it("turns on HA, deletion protection and 30-day retention in prod", () => {
    expect(resolved({}, "prod")).toMatchObject({ highAvailability: true, deletionProtection: true, backupRetentionDays: 30, sizeGb: 100, maxSizeGb: 1000, instanceClass: "db.r6g.large", backupStartHour: 2 });
  });

  it("picks the machine tier of the backend", () => {
    expect(resolved({}, "dev", "gcp").instanceClass).toBe(DATABASE_TIER_DEFAULTS.dev.gcpTier);
    expect(resolved({}, "dev", "kubernetes").instanceClass).toBe("");
  });

  it("follows the stack's backup policy: the schedule's hour and its retention, capped at 35 days", () => {
    expect(resolved({}, "dev", "aws", { backup: { schedule: "0 4 * * *", retentionDays: 14 } })).toMatchObject({ backupStartHour: 4, backupRetentionDays: 14 });
    expect(resolved({}, "prod", "aws", { backup: { schedule: "0 2 * * *", retentionDays: 90 } }).backupRetentionDays).toBe(35);
    expect(resolved({ backupRetentionDays: 3 }, "dev", "aws", { backup: { schedule: "0 2 * * *", retentionDays: 14 } }).backupRetentionDays).toBe(3);
  });

  it("raises the autoscaling ceiling with a larger size, keeping RDS's 10 % headroom", () => {
    // sizeGb 150 on dev used to give 150/150, which RDS rejects.
    expect(resolved({ sizeGb: 150 }).maxSizeGb).toBe(165);
    expect(resolved({ sizeGb: 50, maxSizeGb: 80 }).maxSizeGb).toBe(80);
  });

  it("turns autoscaling off rather than exceed the 64 TiB limit", () => {
    expect(resolved({ sizeGb: 65536 }).maxSizeGb).toBeUndefined();
  });

  it("keeps every value the caller set over the tier's", () => {
    const settings = { engineVersion: "17", databaseName: "features", username: "feast", sizeGb: 40, maxSizeGb: 80, instanceClass: "db.m7g.large", highAvailability: false, backupRetentionDays: 14, deletionProtection: false } as const;
    expect(resolved(settings, "prod")).toMatchObject(settings);
  });
});

describe("Database settings checks (shared by the config and the component)", () => {
  const issues = (settings: Record<string, unknown>, backend: Backend = "aws", tier: Tier = "dev") => {
    const r = resolveSettings(databaseSettings, settings, { backend, tier });
    return r.ok ? [] : r.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("rejects a ceiling less than 10 % above the size (RDS maxAllocatedStorage)", () => {
    expect(issues({ sizeGb: 95, maxSizeGb: 100 })).toEqual(["maxSizeGb: 100 is not allowed: must be at least 10 % above sizeGb (95), i.e. >= 105, or unset"]);
    expect(issues({ maxSizeGb: 21 })).toEqual(["maxSizeGb: 21 is not allowed: must be at least 10 % above sizeGb (20), i.e. >= 22, or unset"]);
    expect(issues({ sizeGb: 100, maxSizeGb: 110 })).toEqual([]);
  });

  it("rejects sizes outside 20 GiB .. 64 TiB", () => {
    expect(issues({ sizeGb: 10 })).toEqual(["sizeGb: 10 is not allowed: must be >= 20"]);
    expect(issues({ sizeGb: 70000 })).toEqual(["sizeGb: 70000 is not allowed: must be <= 65536"]);
  });

  it("rejects engine versions, names and users the services refuse", () => {
    expect(issues({ engineVersion: "12" })).toEqual(['engineVersion: "12" is not allowed; allowed: "13", "14", "15", "16", "17"']);
    expect(issues({ databaseName: "template1" })).toEqual(['databaseName: "template1" is not allowed: must not be one of postgres, template0, template1, rdsadmin, cloudsqladmin']);
    expect(issues({ username: "pg_admin" })).toEqual(['username: "pg_admin" is not allowed: must not be one of postgres, rdsadmin, admin, rds_superuser, cloudsqladmin, cloudsqlsuperuser nor start with pg_']);
    expect(issues({ username: "Admin" })).toEqual(['username: "Admin" is not allowed: must match ^[a-z][a-z0-9_]{0,62}$ (lowercase, no quoting needed)']);
  });

  it("rejects an instance class of the other cloud", () => {
    expect(issues({ instanceClass: "db-custom-2-7680" }, "aws")).toEqual(['instanceClass: "db-custom-2-7680" is not allowed on aws: use an RDS instance class such as "db.t3.medium"']);
    expect(issues({ instanceClass: "db.t3.medium" }, "gcp")).toEqual(['instanceClass: "db.t3.medium" is not allowed on gcp: use a Cloud SQL tier such as "db-custom-2-7680"']);
  });

  it("rejects retention outside 1..35 days and unknown keys", () => {
    expect(issues({ backupRetentionDays: 0 })).toEqual(["backupRetentionDays: 0 is not allowed: must be >= 1"]);
    expect(issues({ sizeGB: 20 })).toEqual(['sizeGB: unknown key "sizeGB"; did you mean "sizeGb"?']);
  });
});
