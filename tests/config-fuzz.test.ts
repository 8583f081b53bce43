// Property: any stack configuration either plans, or stops with a ConfigError that names each
// bad key, before a single resource is registered. Never a crash, never a half-built stack.
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { CLOUDS, COMPATIBILITY, ConfigError, SLOT_VALUES, TIERS } from "@mlops/core";
import { main } from "@mlops/platform";
import { runWithMocks } from "@mlops/testing";

const NS = "mlops-platform";
const junk = fc.oneof(fc.string({ maxLength: 8 }), fc.integer({ min: -100, max: 100 }), fc.boolean(), fc.constant(null));

/** A configuration the platform should accept: compatible slots, values in range. */
const validArb = fc.constantFrom(...CLOUDS).chain((cloud) =>
  fc.record({
    cloud: fc.constant(cloud),
    tier: fc.constantFrom(...TIERS),
    costCenter: fc.constantFrom("ml-eng", "Data Science"),
    ...(cloud === "local" ? {} : { region: fc.constant(cloud === "aws" ? "us-east-1" : "us-central1") }),
    ...(cloud === "gcp" ? { gcpProject: fc.constant("mlops-fuzz-01") } : {}),
    modules: fc.record({
      dataPipeline: fc.constantFrom(...COMPATIBILITY[cloud].dataPipeline),
      mlPlatform: fc.constantFrom(...COMPATIBILITY[cloud].mlPlatform),
      monitoring: fc.constantFrom(...COMPATIBILITY[cloud].monitoring),
      serving: fc.constantFrom(...COMPATIBILITY[cloud].serving),
      featureStore: fc.constantFrom(...COMPATIBILITY[cloud].featureStore),
    }),
    database: fc.record({ sizeGb: fc.integer({ min: 20, max: 500 }), backupRetentionDays: fc.integer({ min: 1, max: 35 }) }, { requiredKeys: [] }),
    cache: fc.record({ replicas: fc.integer({ min: 0, max: cloud === "local" ? 0 : 1 }) }, { requiredKeys: [] }),
    objectStore: fc.record({ buckets: fc.uniqueArray(fc.constantFrom("artifacts", "data", "models"), { minLength: 1, maxLength: 3 }) }, { requiredKeys: [] }),
    network: fc.record({ cidr: fc.constantFrom("10.0.0.0/16", "10.8.0.0/20"), azCount: fc.integer({ min: 2, max: 3 }) }, { requiredKeys: [] }),
    backup: fc.record({ schedule: fc.constantFrom("0 2 * * *", "30 1 * * 0") }, { requiredKeys: [] }),
  }),
);

/** Ways a person gets a stack file wrong: wrong types, unknown values, out of range, missing, incompatible. */
const mutationArb = fc.oneof(
  fc.record({ path: fc.constantFrom("cloud", "tier", "costCenter", "region", "gcpProject"), value: fc.oneof(junk, fc.constant(undefined)) }),
  fc.record({ path: fc.constantFrom("modules.dataPipeline", "modules.mlPlatform", "modules.monitoring", "modules.serving", "modules.featureStore"), value: fc.oneof(fc.constantFrom(...Object.values(SLOT_VALUES).flat()), junk) }),
  fc.record({ path: fc.constantFrom("database.sizeGb", "database.backupRetentionDays", "cache.replicas", "database.enabled", "cache.enabled", "network.azCount"), value: fc.oneof(fc.integer({ min: -10, max: 2000 }), junk) }),
  fc.record({ path: fc.constantFrom("network.cidr", "backup.schedule", "objectStore.buckets", "unknownKey", "database.engineVersion", "cache.engineVersion"), value: fc.oneof(junk, fc.constantFrom("10.0.0.0/8", "daily", "7.2", "12")) }),
  fc.record({ path: fc.constantFrom("objectStore.retentionDays", "objectStore.versioning", "objectStore.transitionToColdAfterDays", "objectStore.buckets"), value: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.boolean(), fc.constant(["ab"]), junk) }),
);

function mutate(cfg: Record<string, unknown>, m: { path: string; value: unknown }): Record<string, unknown> {
  const copy = structuredClone(cfg);
  const parts = m.path.split(".");
  let obj = copy;
  for (const p of parts.slice(0, -1)) obj = (obj[p] ??= {}) as Record<string, unknown>;
  obj[parts[parts.length - 1] as string] = m.value;
  return copy;
}

const configArb = fc
  .tuple(validArb, fc.array(mutationArb, { maxLength: 3 }))
  .map(([cfg, mutations]) => mutations.reduce<Record<string, unknown>>((c, m) => mutate(c, m), cfg));

function toPulumiConfig(cfg: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(cfg)) {
    if (v === undefined) continue;
    out[`${NS}:${k}`] = typeof v === "string" ? v : JSON.stringify(v);
  }
  return out;
}

describe("stack configuration fuzz", () => {
  it("either plans or fails with a ConfigError naming keys, before any resource", async () => {
    let planned = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(configArb, async (cfg) => {
        let error: unknown;
        const run = await runWithMocks(
          () => {
            try {
              return main();
            } catch (err) {
              error = err;
              return {};
            }
          },
          { project: NS, stack: "fuzz", config: toPulumiConfig(cfg) },
        );
        if (error === undefined) {
          planned++;
          expect(run.resources.filter((r) => r.type.startsWith("mlops:")).length).toBeGreaterThan(0);
          return;
        }
        rejected++;
        if (!(error instanceof ConfigError)) throw new Error(`not a ConfigError for ${JSON.stringify(cfg)}: ${String(error)}`);
        const issues = (error as ConfigError).issues;
        expect(issues.length).toBeGreaterThan(0);
        for (const i of issues) expect(i.key.startsWith(`${NS}:`)).toBe(true);
        // Nothing but the stack itself was registered.
        expect(run.resources.filter((r) => r.type !== "pulumi:pulumi:Stack")).toEqual([]);
      }),
      { numRuns: Number(process.env["FUZZ_RUNS"] ?? 80), seed: Number(process.env["FUZZ_SEED"] ?? 20261123) },
    );
    // The generator must exercise both outcomes, or the property says little.
    expect(planned).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
  });
});
