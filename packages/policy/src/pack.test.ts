import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { isStackConfigValue, useStackConfigValues } from "./lib/secrets";
import { policies } from "./policies";

describe("the pack's entry file", () => {
  const saved = { config: process.env["PULUMI_CONFIG"], stack: process.env["PULUMI_STACK"] };
  afterEach(() => {
    if (saved.config === undefined) delete process.env["PULUMI_CONFIG"];
    else process.env["PULUMI_CONFIG"] = saved.config;
    if (saved.stack === undefined) delete process.env["PULUMI_STACK"];
    else process.env["PULUMI_STACK"] = saved.stack;
    useStackConfigValues([]);
  });

  it("serves 'mlops-platform' with every policy at the tier's level and registers the stack's config values", () => {
    process.env["PULUMI_CONFIG"] = JSON.stringify({ "mlops-platform:tier": "dev", "mlops-platform:dbPassword": "from-config" });
    process.env["PULUMI_STACK"] = "dev";
    const served: { name: string; args: { enforcementLevel?: string; policies: unknown[] } }[] = [];
    jest.isolateModules(() => {
      jest.doMock("@pulumi/policy", () => ({
        ...jest.requireActual<object>("@pulumi/policy"),
        PolicyPack: function PolicyPack(name: string, args: { policies: unknown[] }) {
          served.push({ name, args });
        },
      }));
      const secrets = require("./lib/secrets") as typeof import("./lib/secrets");
      require("./pack");
      expect(secrets.isStackConfigValue("from-config")).toBe(true);
    });
    expect(served).toHaveLength(1);
    expect(served[0]?.name).toBe("mlops-platform");
    expect(served[0]?.args.enforcementLevel).toBe("advisory");
    expect(served[0]?.args.policies.map((p) => (p as { name: string }).name)).toEqual(policies.map((p) => p.name));
    expect(isStackConfigValue("from-config")).toBe(false);
  });
});
