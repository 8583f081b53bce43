import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { SECRET_PLACEHOLDER, loadStackConfig, runWithMocks } from "./index";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "mlops-testing-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => writeFileSync(path.join(dir, name), text);

describe("loadStackConfig", () => {
  it("reads the project name and main, and namespaces keys as Pulumi does", () => {
    write("Pulumi.yaml", "name: shop\nruntime:\n  name: nodejs\n  options: { typescript: false }\nmain: lib/index.js\ndescription: ignored\n");
    write("Pulumi.dev.yaml", "config:\n  aws:region: eu-west-1\n  tier: dev\n  shop:replicas: 3\n  shop:debug: true\n");
    expect(loadStackConfig(dir, "dev")).toEqual({
      project: "shop",
      main: "lib/index.js",
      config: { "aws:region": "eu-west-1", "shop:tier": "dev", "shop:replicas": "3", "shop:debug": "true" },
      secretKeys: [],
      runtime: { name: "nodejs", options: { typescript: false } },
    });
  });

  it("JSON-encodes objects and arrays", () => {
    write("Pulumi.yaml", "name: shop\nruntime: nodejs\n");
    write("Pulumi.dev.yaml", "config:\n  shop:modules:\n    serving: kubernetes\n    featureStore: feast\n  shop:buckets: [artifacts, models]\n");
    const { config, main } = loadStackConfig(dir, "dev");
    expect(main).toBeUndefined();
    expect(JSON.parse(config["shop:modules"] ?? "")).toEqual({ serving: "kubernetes", featureStore: "feast" });
    expect(config["shop:buckets"]).toBe('["artifacts","models"]');
  });

  it("replaces secure values, top-level or nested, and lists their keys as secret", () => {
    write("Pulumi.yaml", "name: shop\nruntime: nodejs\n");
    write("Pulumi.prod.yaml", "config:\n  shop:dbPassword:\n    secure: AAABAJ0x\n  shop:alerts:\n    slack:\n      webhook:\n        secure: AAABAK1y\n    email: ops@example.com\n  shop:plain: x\n");
    const { config, secretKeys } = loadStackConfig(dir, "prod");
    expect(config["shop:dbPassword"]).toBe(SECRET_PLACEHOLDER);
    expect(JSON.parse(config["shop:alerts"] ?? "")).toEqual({ slack: { webhook: SECRET_PLACEHOLDER }, email: "ops@example.com" });
    expect(secretKeys.sort()).toEqual(["shop:alerts", "shop:dbPassword"]);
  });

  it("applies the project file's config defaults under the stack's values", () => {
    write("Pulumi.yaml", "name: shop\nruntime: nodejs\nconfig:\n  shop:tier:\n    type: string\n    default: dev\n  aws:region: us-east-1\n  shop:size:\n    type: integer\n");
    write("Pulumi.dev.yaml", "config:\n  aws:region: us-west-2\n");
    expect(loadStackConfig(dir, "dev").config).toEqual({ "shop:tier": "dev", "aws:region": "us-west-2" });
  });

  it("accepts a stack file without config", () => {
    write("Pulumi.yaml", "name: shop\nruntime: nodejs\n");
    write("Pulumi.empty.yaml", "");
    expect(loadStackConfig(dir, "empty")).toEqual({ project: "shop", config: {}, secretKeys: [], runtime: "nodejs" });
  });

  it("gives a stack without a stack file no config of its own but the project defaults, as Pulumi does", () => {
    write("Pulumi.yaml", "name: shop\nruntime: nodejs\nconfig:\n  shop:tier:\n    default: dev\n");
    expect(loadStackConfig(dir, "qa")).toEqual({ project: "shop", config: { "shop:tier": "dev" }, secretKeys: [], runtime: "nodejs", noStackFile: path.join(dir, "Pulumi.qa.yaml") });
  });

  it("names a missing project file", () => {
    expect(() => loadStackConfig(dir, "qa")).toThrow(`Pulumi project file not found: ${path.join(dir, "Pulumi.yaml")}`);
  });

  it("names a project file without a name", () => {
    write("Pulumi.yaml", "runtime: nodejs\n");
    expect(() => loadStackConfig(dir, "dev")).toThrow(`Pulumi project file has no name: ${path.join(dir, "Pulumi.yaml")}`);
  });

  it("feeds runWithMocks the config the program reads", async () => {
    write("Pulumi.yaml", "name: shop\nruntime: nodejs\n");
    write("Pulumi.dev.yaml", "config:\n  replicas: 2\n  dbPassword:\n    secure: AAAB\n");
    const file = loadStackConfig(dir, "dev");
    const run = await runWithMocks(() => {
      const cfg = new pulumi.Config();
      return { replicas: cfg.requireNumber("replicas"), password: cfg.requireSecret("dbPassword") };
    }, { project: file.project, stack: "dev", config: file.config, secretKeys: file.secretKeys });
    expect(run.stackOutputs).toEqual({ replicas: 2, password: SECRET_PLACEHOLDER });
    expect(run.secretOutputs).toEqual(["password"]);
  });
});
