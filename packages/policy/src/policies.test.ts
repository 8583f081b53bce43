import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { packEnforcementLevel, parseConfigEnv } from "./enforcement";
import { policies } from "./policies";

describe("the policy list", () => {
  it("names every policy <cloud>-<service>-<rule>, once, with a description and no built-in enforcement level", () => {
    const names = policies.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const p of policies) {
      expect(p.name).toMatch(/^(aws|gcp|kubernetes)-[a-z0-9]+-[a-z0-9-]+$/);
      expect(p.description.length).toBeGreaterThan(60);
      expect(p.enforcementLevel).toBeUndefined();
    }
  });

  it("has a spec that names every policy", () => {
    const specs = fs
      .readdirSync(__dirname, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".test.ts"))
      .map((f) => fs.readFileSync(path.join(__dirname, f), "utf8"))
      .join("\n");
    expect(policies.map((p) => p.name).filter((name) => !specs.includes(`describe("${name}"`))).toEqual([]);
  });
});

describe("pack enforcement", () => {
  it("follows the tier: advisory in dev, mandatory in staging and prod, mandatory when unknown", () => {
    expect(packEnforcementLevel({}, "dev")).toBe("advisory");
    expect(packEnforcementLevel({}, "staging")).toBe("mandatory");
    expect(packEnforcementLevel({ "mlops-platform:tier": "prod" }, "dev")).toBe("mandatory");
    expect(packEnforcementLevel({}, "feature-x")).toBe("mandatory");
  });

  it("honours mlops-platform:policyEnforcement except in prod", () => {
    expect(packEnforcementLevel({ "mlops-platform:policyEnforcement": "mandatory" }, "dev")).toBe("mandatory");
    expect(packEnforcementLevel({ "mlops-platform:policyEnforcement": "advisory" }, "prod")).toBe("mandatory");
  });

  it("reads PULUMI_CONFIG and ignores malformed input", () => {
    expect(parseConfigEnv('{"mlops-platform:tier":"dev","n":1}')).toEqual({ "mlops-platform:tier": "dev" });
    expect(parseConfigEnv("not json")).toEqual({});
    expect(parseConfigEnv(undefined)).toEqual({});
  });

  it("ships --policy-pack-config files: dev advisory, staging and prod mandatory", () => {
    const read = (tier: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "..", "config", `${tier}.json`), "utf8")) as unknown;
    expect([read("dev"), read("staging"), read("prod")]).toEqual([{ all: "advisory" }, { all: "mandatory" }, { all: "mandatory" }]);
  });
});
