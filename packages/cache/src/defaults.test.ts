import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { BACKENDS, REDIS_VERSIONS, TIERS, cacheSettings, type Backend, type ResolvedBase, type Tier } from "@mlops/core";
import { resolveCache } from "./defaults";

const base = (backend: Backend = "aws", tier: Tier = "dev"): ResolvedBase => ({ backend, tier, tags: { project: "mlops" }, placement: {}, protect: tier !== "dev" });
const settings = (backend: Backend = "aws", tier: Tier = "dev", given: Parameters<typeof cacheSettings.complete>[0] = {}) => cacheSettings.complete(given, { backend, tier });

describe("resolveCache", () => {
  it("takes the tier's backup policy without wiring: dev snapshots at 03:00 kept 7 days, no gcp persistence", () => {
    expect(resolveCache(settings(), base(), {})).toMatchObject({
      engineVersion: "7.1",
      engineNative: "7.1",
      snapshotRetentionDays: 7,
      backupHourUtc: 3,
      maintenanceHourUtc: 6,
      gcpSnapshotPeriod: "DISABLED",
      clientNamespaces: [],
    });
    expect(resolveCache(settings("gcp", "staging"), base("gcp", "staging"), {}).gcpSnapshotPeriod).toBe("TWENTY_FOUR_HOURS");
    expect(resolveCache(settings("gcp", "prod"), base("gcp", "prod"), {})).toMatchObject({ snapshotRetentionDays: 30, backupHourUtc: 2, maintenanceHourUtc: 5, gcpSnapshotPeriod: "ONE_HOUR" });
  });

  it("follows the stack's backup policy when wired: its hour moves both windows, its retention the snapshots", () => {
    const r = resolveCache(settings(), base(), { backup: { schedule: "30 22 * * *", retentionDays: 14 } });
    expect(r).toMatchObject({ backupHourUtc: 22, maintenanceHourUtc: 1, snapshotRetentionDays: 14 });
  });

  it("never keeps ElastiCache snapshots longer than 35 days", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3650 }), (retentionDays) => {
        const r = resolveCache(settings(), base(), { backup: { schedule: "0 2 * * *", retentionDays } });
        expect(r.snapshotRetentionDays).toBe(Math.min(retentionDays, 35));
      }),
    );
  });

  it("maps engine versions to each backend's own value", () => {
    expect(resolveCache(settings("gcp"), base("gcp"), {}).engineNative).toBe("REDIS_7_2");
    expect(resolveCache(settings("gcp", "dev", { engineVersion: "6.2" }), base("gcp"), {}).engineNative).toBe("REDIS_6_X");
    expect(resolveCache(settings("kubernetes"), base("kubernetes"), {}).engineNative).toBe("redis:7.2.11-alpine");
    expect(resolveCache(settings("kubernetes", "dev", { engineVersion: "7.4" }), base("kubernetes"), {}).engineNative).toBe("redis:7.4.6-alpine");
  });

  it("pins every kubernetes image to a patch release of the official alpine image", () => {
    for (const image of Object.values(REDIS_VERSIONS.kubernetes)) expect(image).toMatch(/^redis:\d+\.\d+\.\d+-alpine$/);
  });

  it("keeps the caller's key and client namespaces", () => {
    expect(resolveCache(settings(), base(), { kmsKeyId: "arn:aws:kms:k", clientNamespaces: ["ml"] })).toMatchObject({ kmsKeyId: "arn:aws:kms:k", clientNamespaces: ["ml"] });
    for (const backend of BACKENDS) for (const tier of TIERS) expect(resolveCache(settings(backend, tier), base(backend, tier), {}).kmsKeyId).toBeUndefined();
  });
});
