import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { BACKENDS, TIERS, type Backend, type Tier } from "../platform";
import { resolveSettings } from "../kit/settings";
import { OBJECT_STORE_TIER_DEFAULTS, objectStoreSettings } from "./object-store";

const resolve = (given: Record<string, unknown>, backend: Backend = "aws", tier: Tier = "dev") => resolveSettings(objectStoreSettings, given, { backend, tier });
const messages = (given: Record<string, unknown>, backend: Backend = "aws", tier: Tier = "dev") => {
  const r = resolve(given, backend, tier);
  return r.ok ? [] : r.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("objectStoreSettings", () => {
  it("completes lifecycle, size and versioning from the tier", () => {
    expect(resolve({}, "aws", "staging")).toEqual({
      ok: true,
      value: { versioning: true, transitionToColdAfterDays: 60, expireNoncurrentAfterDays: 60, expireAfterDays: undefined, retentionDays: 0, sizeGb: 20 },
    });
    expect(OBJECT_STORE_TIER_DEFAULTS.prod).toEqual({ transitionToColdAfterDays: 90, expireNoncurrentAfterDays: 90, gcpRetentionDays: 30, sizeGb: 50 });
  });

  it("applies the retention policy on gcp only and turns versioning off by default where it applies", () => {
    expect(resolve({}, "aws", "prod")).toMatchObject({ value: { retentionDays: 0, versioning: true } });
    expect(resolve({}, "gcp", "prod")).toMatchObject({ value: { retentionDays: 30, versioning: false } });
    expect(resolve({ retentionDays: 0 }, "gcp", "prod")).toMatchObject({ value: { retentionDays: 0, versioning: true } });
    expect(resolve({ retentionDays: 14 }, "gcp")).toMatchObject({ value: { retentionDays: 14, versioning: false } });
  });

  it("keeps what was given", () => {
    const given = { versioning: false, transitionToColdAfterDays: 40, expireNoncurrentAfterDays: 3, expireAfterDays: 500 };
    expect(resolve(given, "aws", "prod")).toEqual({ ok: true, value: { ...given, retentionDays: 0, sizeGb: 50 } });
  });

  it("bounds every number", () => {
    expect(messages({ expireNoncurrentAfterDays: 1.5 })).toEqual(["expireNoncurrentAfterDays: 1.5 is not allowed: expected int"]);
    expect(messages({ expireAfterDays: 0 })).toEqual(["expireAfterDays: 0 is not allowed: must be >= 1"]);
    expect(messages({ expireAfterDays: 3651 })).toEqual(["expireAfterDays: 3651 is not allowed: must be <= 3650"]);
    expect(messages({ retentionDays: -1 }, "gcp")).toEqual(["retentionDays: -1 is not allowed: must be >= 0"]);
    expect(messages({ sizeGb: -1 }, "kubernetes")).toEqual(["sizeGb: -1 is not allowed: must be >= 1"]);
    expect(messages({ lifecycle: {} })).toEqual(['lifecycle: unknown key "lifecycle"']);
  });

  it("moves objects to STANDARD_IA no earlier than S3 allows", () => {
    expect(messages({ transitionToColdAfterDays: 7 })).toEqual(["transitionToColdAfterDays: 7 is not allowed: S3 moves objects to STANDARD_IA no earlier than 30 days; use 30 or more"]);
    expect(messages({ transitionToColdAfterDays: 30 })).toEqual([]);
  });

  it("expires current objects only after the cold transition, the given one or the tier's", () => {
    expect(messages({ transitionToColdAfterDays: 60, expireAfterDays: 30 })).toEqual(["expireAfterDays: 30 is not allowed: must be greater than transitionToColdAfterDays (60)"]);
    expect(messages({ expireAfterDays: 90 }, "aws", "prod")).toEqual(["expireAfterDays: 90 is not allowed: must be greater than transitionToColdAfterDays (90)"]);
    expect(messages({ expireAfterDays: 91 }, "aws", "prod")).toEqual([]);
  });

  it("keeps bucket retention to gcp, and never with versioning there", () => {
    expect(messages({ retentionDays: 30 })).toEqual(["retentionDays: 30 is not allowed on aws: a bucket retention policy exists on gcp only; use 0"]);
    expect(messages({ retentionDays: 1 }, "kubernetes")).toEqual(["retentionDays: 1 is not allowed on kubernetes: a bucket retention policy exists on gcp only; use 0"]);
    expect(messages({ retentionDays: 0 }, "aws")).toEqual([]);
    const why = "GCS cannot combine the two; set retentionDays to 0 or versioning to false";
    expect(messages({ retentionDays: 7, versioning: true }, "gcp")).toEqual([`versioning: true is not allowed with a retention policy (retentionDays 7): ${why}`]);
    expect(messages({ versioning: true }, "gcp", "prod")).toEqual([`versioning: true is not allowed with a retention policy (retentionDays 30): ${why}`]);
    expect(messages({ versioning: true }, "aws", "prod")).toEqual([]);
  });

  it("rejects a setting the backend would ignore, naming it", () => {
    expect(messages({ sizeGb: 5 })).toEqual(["sizeGb: 5 is not allowed on aws: only the kubernetes backend (MinIO) has a volume to size; remove it"]);
    expect(messages({ sizeGb: 5 }, "gcp")).toEqual(["sizeGb: 5 is not allowed on gcp: only the kubernetes backend (MinIO) has a volume to size; remove it"]);
    expect(messages({ transitionToColdAfterDays: 45 }, "kubernetes")).toEqual(["transitionToColdAfterDays: 45 is not allowed on kubernetes: MinIO has no colder storage class; remove it"]);
    expect(messages({ sizeGb: 5, expireAfterDays: 365, expireNoncurrentAfterDays: 7 }, "kubernetes")).toEqual([]);
  });

  it("completes every tier and backend without an issue", () => {
    fc.assert(fc.property(fc.constantFrom(...BACKENDS), fc.constantFrom(...TIERS), (backend, tier) => expect(messages({}, backend, tier)).toEqual([])));
  });
});
