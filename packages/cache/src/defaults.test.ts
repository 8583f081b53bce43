import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { TIERS } from "@mlops/core";
import { DEFAULT_ENGINE_VERSION, ENGINE_VERSIONS, cronHour, withDefaults } from "./defaults";
import { dailyWindow, weeklyWindow } from "./backends/aws";
import type { CacheArgs } from "./types";

const placement = { aws: { vpcId: "vpc-1", subnetIds: ["subnet-a"], allowedCidrBlocks: ["10.0.0.0/16"] } };
const base: CacheArgs = { backend: "aws", tier: "dev", tags: { project: "mlops" }, placement };

describe("withDefaults", () => {
  it("takes the dev tier's small node, no replicas, 7-day snapshots, no protection and no gcp persistence", () => {
    expect(withDefaults(base)).toMatchObject({
      engineVersion: "7.1",
      engineNative: "7.1",
      nodeType: "cache.t3.small",
      memorySizeGb: 1,
      replicas: 0,
      sizeGb: 10,
      protect: false,
      snapshotRetentionDays: 7,
      backupHourUtc: 3,
      maintenanceHourUtc: 6,
      gcpSnapshotPeriod: "DISABLED",
    });
  });

  it("gives staging one replica, protection and daily gcp snapshots", () => {
    expect(withDefaults({ ...base, tier: "staging" })).toMatchObject({
      nodeType: "cache.t3.medium",
      memorySizeGb: 2,
      replicas: 1,
      protect: true,
      snapshotRetentionDays: 7,
      backupHourUtc: 2,
      gcpSnapshotPeriod: "TWENTY_FOUR_HOURS",
    });
  });

  it("gives prod two replicas, 30-day snapshots, hourly gcp snapshots (RPO 1 h) and 50 GiB volumes", () => {
    expect(withDefaults({ ...base, tier: "prod" })).toMatchObject({
      nodeType: "cache.r6g.large",
      memorySizeGb: 5,
      replicas: 2,
      sizeGb: 50,
      protect: true,
      snapshotRetentionDays: 30,
      maintenanceHourUtc: 5,
      gcpSnapshotPeriod: "ONE_HOUR",
    });
  });

  it("keeps explicit values, including protect false in prod and a caller's key", () => {
    const r = withDefaults({ ...base, tier: "prod", protect: false, nodeType: "cache.m7g.large", replicas: 0, engineVersion: "7.0", kmsKeyId: "arn:aws:kms:k" });
    expect(r).toMatchObject({ protect: false, nodeType: "cache.m7g.large", replicas: 0, engineNative: "7.0", kmsKeyId: "arn:aws:kms:k" });
  });

  it("maps engine versions to each backend's own value and defaults per backend", () => {
    expect(withDefaults({ ...base, backend: "gcp" }).engineNative).toBe("REDIS_7_2");
    expect(withDefaults({ ...base, backend: "gcp", engineVersion: "6.2" }).engineNative).toBe("REDIS_6_X");
    expect(withDefaults({ ...base, backend: "kubernetes" }).engineNative).toBe("redis:7.2.11-alpine");
    expect(withDefaults({ ...base, backend: "kubernetes", engineVersion: "7.4" }).engineNative).toBe("redis:7.4.6-alpine");
    expect(DEFAULT_ENGINE_VERSION).toEqual({ aws: "7.1", gcp: "7.2", kubernetes: "7.2" });
  });

  it("runs a single primary on kubernetes whatever the tier", () => {
    for (const tier of TIERS) expect(withDefaults({ ...base, backend: "kubernetes", tier }).replicas).toBe(0);
  });

  it("refuses an engine version the backend does not offer when called without validation", () => {
    expect(() => withDefaults({ ...base, engineVersion: "7.2" })).toThrow('engineVersion "7.2" is not supported on aws; validate the args first');
  });

  it("pins every kubernetes image to a patch release of the official alpine image", () => {
    for (const image of Object.values(ENGINE_VERSIONS.kubernetes)) expect(image).toMatch(/^redis:\d+\.\d+\.\d+-alpine$/);
  });

  it("never keeps snapshots longer than ElastiCache's 35 days and copies the tags", () => {
    fc.assert(
      fc.property(fc.constantFrom(...TIERS), fc.dictionary(fc.string({ minLength: 1 }), fc.string()), (tier, tags) => {
        const r = withDefaults({ ...base, tier, tags });
        expect(r.snapshotRetentionDays).toBeLessThanOrEqual(35);
        expect(r.tags).toEqual(tags);
        expect(r.tags).not.toBe(tags);
      }),
    );
  });
});

describe("schedule helpers", () => {
  it("reads the hour of a cron schedule and falls back to 2 for anything else", () => {
    expect(cronHour("0 3 * * 0")).toBe(3);
    expect(cronHour("30 23 * * *")).toBe(23);
    expect(cronHour("0 */6 * * *")).toBe(2);
    expect(cronHour("")).toBe(2);
  });

  it("formats one-hour ElastiCache windows and rolls over midnight", () => {
    expect(dailyWindow(2)).toBe("02:00-03:00");
    expect(dailyWindow(23)).toBe("23:00-00:00");
    expect(weeklyWindow("sun", 5)).toBe("sun:05:00-sun:06:00");
    expect(weeklyWindow("sat", 23)).toBe("sat:23:00-sun:00:00");
  });
});
