import { describe, expect, it } from "@jest/globals";
import { withDefaults } from "./defaults";
import type { ObjectStoreArgs } from "./types";

const base: ObjectStoreArgs = { backend: "aws", tier: "dev", tags: { project: "mlops" }, placement: {} };

describe("ObjectStore defaults", () => {
  it("takes lifecycle, size and protection from the tier", () => {
    expect(withDefaults({ ...base, tier: "staging" })).toEqual({
      backend: "aws",
      tier: "staging",
      tags: { project: "mlops" },
      placement: {},
      protect: true,
      versioning: true,
      transitionToColdAfterDays: 60,
      transitionToColderAfterDays: 150,
      expireNoncurrentAfterDays: 60,
      retentionDays: 0,
      sizeGb: 20,
    });
  });

  it("keeps the caller's values over the tier's", () => {
    const key = "arn:aws:kms:eu-west-1:1:key/k";
    expect(
      withDefaults({ ...base, tier: "prod", protect: false, versioning: false, sizeGb: 5, region: "eu-west-1", kmsKeyId: key, lifecycle: { transitionToColdAfterDays: 40, expireNoncurrentAfterDays: 3, expireAfterDays: 500 } }),
    ).toMatchObject({ protect: false, versioning: false, sizeGb: 5, region: "eu-west-1", kmsKeyId: key, transitionToColdAfterDays: 40, transitionToColderAfterDays: 130, expireNoncurrentAfterDays: 3, expireAfterDays: 500 });
  });

  it("drops the colder transition when objects expire first", () => {
    const resolved = withDefaults({ ...base, lifecycle: { expireAfterDays: 120 } });
    expect(resolved.transitionToColderAfterDays).toBeUndefined();
    expect(resolved.expireAfterDays).toBe(120);
  });

  it("applies the retention policy on gcp only and turns versioning off by default where it applies", () => {
    expect(withDefaults({ ...base, tier: "prod" })).toMatchObject({ retentionDays: 0, versioning: true });
    expect(withDefaults({ ...base, tier: "prod", backend: "gcp" })).toMatchObject({ retentionDays: 30, versioning: false });
    expect(withDefaults({ ...base, tier: "prod", backend: "gcp", retentionDays: 0 })).toMatchObject({ retentionDays: 0, versioning: true });
    expect(withDefaults({ ...base, backend: "gcp", retentionDays: 14 })).toMatchObject({ retentionDays: 14, versioning: false });
  });

  it("copies the tags so the caller's object is never shared", () => {
    const tags = { project: "mlops" };
    expect(withDefaults({ ...base, tags }).tags).not.toBe(tags);
  });
});
