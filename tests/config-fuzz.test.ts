// Property: any stack configuration either plans, or stops with a ConfigError that names each
// bad key, before a single resource is registered. Never a crash, never a half-built stack.
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { CLOUDS, ConfigError, SLOT_VALUES, TIERS } from "@mlops/core";
import { main } from "@mlops/platform";
import { runWithMocks } from "@mlops/testing";

const NS = "mlops-platform";
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const junk = fc.oneof(fc.string({ maxLength: 8 }), fc.integer({ min: -100, max: 100 }), fc.boolean(), fc.constant(null));
const size = fc.oneof(fc.integer({ min: -10, max: 2000 }), junk);

const slot = <S extends keyof typeof SLOT_VALUES>(s: S) => fc.oneof(fc.constantFrom(...SLOT_VALUES[s]), fc.constantFrom("rabbitmq", ""));

const configArb = fc.record(
  {
    cloud: fc.oneof(fc.constantFrom(...CLOUDS), fc.constant("azure")),
    tier: fc.oneof(fc.constantFrom(...TIERS), fc.constant("qa")),
    costCenter: fc.oneof(fc.constant("ml-eng"), fc.constant("")),
    region: fc.constantFrom("us-east-1", "us-central1", "moon"),
    gcpProject: fc.constantFrom("mlops-fuzz-01", "X"),
    modules: fc.record(
      { dataPipeline: slot("dataPipeline"), mlPlatform: slot("mlPlatform"), monitoring: slot("monitoring"), serving: slot("serving"), featureStore: slot("featureStore") },
      { requiredKeys: [] },
    ),
    database: fc.record({ enabled: fc.boolean(), sizeGb: size, backupRetentionDays: size }, { requiredKeys: [] }),
    cache: fc.record({ enabled: fc.boolean(), replicas: fc.oneof(fc.integer({ min: -1, max: 7 }), junk) }, { requiredKeys: [] }),
    objectStore: fc.record({ buckets: fc.array(fc.constantFrom("artifacts", "data", "Bad_Name"), { maxLength: 3 }), retentionDays: size }, { requiredKeys: [] }),
    network: fc.record({ cidr: fc.constantFrom("10.0.0.0/16", "10.0.0.0/8", "nope"), azCount: fc.integer({ min: 1, max: 4 }) }, { requiredKeys: [] }),
    backup: fc.record({ schedule: fc.constantFrom("0 2 * * *", "daily") }, { requiredKeys: [] }),
    unknownKey: maybe(junk),
  },
  { requiredKeys: ["cloud", "tier"] },
);

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
        expect(error).toBeInstanceOf(ConfigError);
        const issues = (error as ConfigError).issues;
        expect(issues.length).toBeGreaterThan(0);
        for (const i of issues) expect(i.key.startsWith(`${NS}:`)).toBe(true);
        // Nothing but the stack itself was registered.
        expect(run.resources.filter((r) => r.type !== "pulumi:pulumi:Stack")).toEqual([]);
      }),
      { numRuns: 60, seed: 20261123 },
    );
    // The generator must exercise both outcomes, or the property says little.
    expect(planned).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
  });
});
