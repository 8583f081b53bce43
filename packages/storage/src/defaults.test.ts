import { describe, expect, it } from "@jest/globals";
import { objectStoreSettings, type Backend, type ResolvedBase, type Tier } from "@mlops/core";
import { resolveObjectStore } from "./defaults";

const base = (backend: Backend = "aws", tier: Tier = "dev"): ResolvedBase => ({ backend, tier, tags: { project: "mlops" }, placement: {}, protect: tier !== "dev" });
const settings = (given: Parameters<typeof objectStoreSettings.complete>[0] = {}, backend: Backend = "aws", tier: Tier = "dev") => objectStoreSettings.complete(given, { backend, tier });

describe("resolveObjectStore", () => {
  it("adds the colder transition 90 days after the cold one", () => {
    expect(resolveObjectStore(settings({}, "aws", "staging"), base("aws", "staging"), {})).toEqual({
      ...base("aws", "staging"),
      versioning: true,
      transitionToColdAfterDays: 60,
      transitionToColderAfterDays: 150,
      expireNoncurrentAfterDays: 60,
      expireAfterDays: undefined,
      retentionDays: 0,
      sizeGb: 20,
      clientNamespaces: [],
    });
  });

  it("drops the colder transition when objects expire first, keeps it when they expire later", () => {
    expect(resolveObjectStore(settings({ expireAfterDays: 120 }), base(), {}).transitionToColderAfterDays).toBeUndefined();
    expect(resolveObjectStore(settings({ expireAfterDays: 121 }), base(), {}).transitionToColderAfterDays).toBe(120);
  });

  it("keeps the wiring: key, endpoint region and client namespaces", () => {
    const key = "arn:aws:kms:eu-west-1:1:key/k";
    expect(resolveObjectStore(settings(), base(), { kmsKeyId: key, region: "eu-west-1", clientNamespaces: ["ml"] })).toMatchObject({ kmsKeyId: key, region: "eu-west-1", clientNamespaces: ["ml"] });
    const none = resolveObjectStore(settings(), base(), {});
    expect(none).not.toHaveProperty("kmsKeyId");
    expect(none).not.toHaveProperty("region");
  });
});
