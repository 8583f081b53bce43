import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { BACKENDS, TIERS, type Backend, type Tier } from "../platform";
import { REDIS_VERSIONS } from "../engines";
import { resolveSettings } from "../kit/settings";
import { CACHE_TIER_DEFAULTS, cacheSettings } from "./cache";

const resolve = (given: Record<string, unknown>, backend: Backend = "aws", tier: Tier = "dev") => resolveSettings(cacheSettings, given, { backend, tier });
const messages = (given: Record<string, unknown>, backend: Backend = "aws", tier: Tier = "dev") => {
  const r = resolve(given, backend, tier);
  return r.ok ? [] : r.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("cacheSettings", () => {
  it("completes every key from the tier and the backend", () => {
    expect(resolve({})).toEqual({ ok: true, value: { engineVersion: "7.1", nodeType: "cache.t3.small", memorySizeGb: 1, replicas: 0, sizeGb: 10 } });
    expect(resolve({}, "gcp", "prod")).toEqual({ ok: true, value: { engineVersion: "7.2", nodeType: "", memorySizeGb: 5, replicas: 2, sizeGb: 50 } });
    expect(resolve({}, "kubernetes", "staging")).toEqual({ ok: true, value: { engineVersion: "7.2", nodeType: "", memorySizeGb: 2, replicas: 0, sizeGb: 20 } });
    expect(CACHE_TIER_DEFAULTS.staging).toEqual({ awsNodeType: "cache.t3.medium", memorySizeGb: 2, replicas: 1, sizeGb: 20 });
  });

  it("keeps what was given", () => {
    expect(resolve({ engineVersion: "6.2", nodeType: "cache.m7g.large", replicas: 3 }, "aws", "prod")).toEqual({
      ok: true,
      value: { engineVersion: "6.2", nodeType: "cache.m7g.large", memorySizeGb: 5, replicas: 3, sizeGb: 50 },
    });
  });

  it("limits replicas, memory, volume and the node type's form", () => {
    expect(messages({ replicas: -1 })).toEqual(["replicas: -1 is not allowed: must be >= 0"]);
    expect(messages({ replicas: 6 })).toEqual(["replicas: 6 is not allowed: must be <= 5"]);
    expect(messages({ replicas: 1.5 })).toEqual(["replicas: 1.5 is not allowed: expected int"]);
    expect(messages({ memorySizeGb: 0 }, "gcp")).toEqual(["memorySizeGb: 0 is not allowed: must be >= 1"]);
    expect(messages({ memorySizeGb: 301 }, "gcp")).toEqual(["memorySizeGb: 301 is not allowed: must be <= 300"]);
    expect(messages({ sizeGb: -5 }, "kubernetes")).toEqual(["sizeGb: -5 is not allowed: must be >= 1"]);
    expect(messages({ nodeType: "t3.small" })).toEqual(['nodeType: "t3.small" is not allowed: must be an ElastiCache node type such as "cache.t3.small"']);
    expect(messages({ port: 1 })).toEqual(['port: unknown key "port"']);
  });

  it("accepts only the Redis versions the backend offers", () => {
    expect(messages({ engineVersion: "7.2" })).toEqual(['engineVersion: "7.2" is not allowed on aws: use one of "6.2", "7.0", "7.1"']);
    expect(messages({ engineVersion: "7.1" }, "gcp")).toEqual(['engineVersion: "7.1" is not allowed on gcp: use one of "6.2", "7.0", "7.2"']);
    expect(messages({ engineVersion: "5.0" }, "kubernetes")).toEqual(['engineVersion: "5.0" is not allowed on kubernetes: use one of "6.2", "7.2", "7.4"']);
    for (const backend of BACKENDS) for (const v of Object.keys(REDIS_VERSIONS[backend])) expect(messages({ engineVersion: v }, backend)).toEqual([]);
  });

  it("refuses replicas in-cluster, where Redis is a single primary", () => {
    expect(messages({ replicas: 2 }, "kubernetes")).toEqual(["replicas: 2 is not allowed on kubernetes: the in-cluster Redis is a single primary (replicas are not implemented); use 0"]);
    expect(messages({ replicas: 0 }, "kubernetes", "prod")).toEqual([]);
  });

  it("needs 5 GB for Memorystore read replicas, also when the replicas come from the tier", () => {
    const why = "Memorystore read replicas need at least 5 GB; raise memorySizeGb or use replicas 1";
    expect(messages({ replicas: 2, memorySizeGb: 4 }, "gcp")).toEqual([`memorySizeGb: 4 is not allowed with replicas 2: ${why}`]);
    expect(messages({ memorySizeGb: 2 }, "gcp", "prod")).toEqual([`memorySizeGb: 2 is not allowed with replicas 2: ${why}`]);
    expect(messages({ replicas: 1, memorySizeGb: 1 }, "gcp")).toEqual([]);
    expect(messages({ replicas: 2, memorySizeGb: 2 }, "aws")).toEqual(["memorySizeGb: 2 is not allowed on aws: the ElastiCache node type sets the memory (nodeType); remove it"]);
  });

  it("rejects a setting the backend would ignore, naming it", () => {
    expect(messages({ nodeType: "cache.t3.small" }, "gcp")).toEqual(['nodeType: "cache.t3.small" is not allowed on gcp: Memorystore is sized by memorySizeGb; remove it']);
    expect(messages({ nodeType: "cache.t3.small" }, "kubernetes")).toEqual(['nodeType: "cache.t3.small" is not allowed on kubernetes: the in-cluster Redis is sized by memorySizeGb; remove it']);
    expect(messages({ memorySizeGb: 2 })).toEqual(["memorySizeGb: 2 is not allowed on aws: the ElastiCache node type sets the memory (nodeType); remove it"]);
    expect(messages({ sizeGb: 5 }, "gcp")).toEqual(["sizeGb: 5 is not allowed on gcp: only the kubernetes backend has a data volume; remove it"]);
    expect(messages({ sizeGb: 5, memorySizeGb: 2 }, "kubernetes")).toEqual([]);
  });

  it("completes every tier and backend without an issue", () => {
    fc.assert(fc.property(fc.constantFrom(...BACKENDS), fc.constantFrom(...TIERS), (backend, tier) => expect(messages({}, backend, tier)).toEqual([])));
  });
});
