// The registry is the stack's wiring: every config key is read by someone (the root program or a
// registry entry), entries run bottom-up by layer, and keys only planned components read are
// reported in the plan instead of being dropped.
import { describe, expect, it } from "@jest/globals";
import path from "node:path";
import { COMPONENT_SETTINGS, stackConfigSchema } from "@mlops/core";
import { LAYERS, REGISTRY, main } from "@mlops/platform";
import { loadStackConfig, runWithMocks } from "@mlops/testing";

const root = path.resolve(__dirname, "..");

/** Keys the root program reads itself (providers, tags, protection, the module slots). */
const ROOT_KEYS = ["cloud", "tier", "costCenter", "region", "gcpProject", "tags", "protect", "modules", "policyEnforcement"];

describe("the registry", () => {
  it("reads every top-level config key: each is a root key or a section of exactly one entry", () => {
    const sections = REGISTRY.flatMap((e) => e.sections as readonly string[]);
    const keys = Object.keys(stackConfigSchema.shape);
    expect(keys.filter((k) => !ROOT_KEYS.includes(k) && !sections.includes(k))).toEqual([]);
    expect(sections.filter((s, i) => sections.indexOf(s) !== i && !["backup"].includes(s))).toEqual([]);
  });

  it("gives every component settings spec a registry entry that reads its section", () => {
    const sections = REGISTRY.filter((e) => e.status === "built").flatMap((e) => e.sections as readonly string[]);
    for (const spec of COMPONENT_SETTINGS) expect({ section: spec.section, read: sections.includes(spec.section as never) }).toEqual({ section: spec.section, read: true });
  });

  it("orders entries by layer, bottom-up", () => {
    const order = REGISTRY.map((e) => LAYERS.indexOf(e.layer));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("reports the keys a stack sets that only planned components read, naming them", async () => {
    const file = loadStackConfig(root, "prod");
    const run = await runWithMocks(main, { project: file.project, stack: "prod", config: file.config, secretKeys: file.secretKeys });
    const planned = run.logs.filter((l) => l.severity === "warning" && l.message.includes("not built yet")).map((l) => l.message);
    expect(planned.join("\n")).toContain("mlops-platform:alerts");
    expect(planned.join("\n")).toContain("mlops-platform:budget");
    expect(planned.join("\n")).toContain('mlops-platform:modules.mlPlatform ("mlflow"): validated, not built yet: the mlPlatform component is planned');
  });
});
