// The plan library in-process: what the CLI prints and writes, without spawning a process.
import { describe, expect, it } from "@jest/globals";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PlanError, exitCodeOf, gateFailures, plan, renderReport, renderTree, toJson } from "@mlops/cli";

const fixtures = path.join(__dirname, "fixtures");

describe("plan()", () => {
  it("plans the root program's local stack, with the tree under the stack and the summary", async () => {
    const result = await plan({ stack: "local" });
    expect(result).toMatchObject({ mocked: true, stack: "local", project: "mlops-platform", tier: "dev", tierSource: "config mlops-platform:tier", enforcement: "advisory" });
    expect(exitCodeOf(result)).toBe(0);
    const tree = renderTree(result.resources);
    // Top level: the stack, and the engine's default providers (parentless, as in real Pulumi).
    expect(tree.filter((l) => /^[├└]/.test(l))).toEqual(["├─ pulumi:pulumi:Stack  mlops-platform-local", "└─ pulumi:providers:random  default_4_21_2"]);
    expect(tree.some((l) => /^│ {2}[├└]─ mlops:database:Database {2}metadata$/.test(l))).toBe(true);
    const report = renderReport(result, { tree: false });
    expect(report).toContain("MOCKED PLAN");
    expect(report).toMatch(/By provider:\n\s+\d+ {2}kubernetes/);
    expect(report).toContain("Secret outputs: cacheConnectionUrl, databaseConnectionString");
    // Config only planned components read is shown, not dropped.
    expect(report).toContain('Program messages:\n  warning: mlops-platform:modules.dataPipeline ("kafka"): validated, not built yet');
    expect(result.outputs["databaseConnectionString"]).toBe("[secret]");
    expect(JSON.parse(toJson(result)).resources.length).toBe(result.resources.length);
  });

  it("plans as `pulumi preview` does with --preview: computed values unknown; the checks that cannot run fail the gate until allowed", async () => {
    const result = await plan({ stack: "staging", preview: true });
    expect(result.preview).toBe(true);
    expect(renderReport(result, { tree: false })).toMatch(/preview mode \(computed\s+values unknown\)/);
    const rds = result.resources.find((r) => r.type === "aws:rds/instance:Instance");
    expect(rds?.inputs["dbSubnetGroupName"]).toBe("<unknown>");
    // The TLS-only bucket policies embed the new bucket's ARN: unknown until deploy, so no rule can read
    // them in a preview (the default plan checks them). Listed, and failing the mandatory gate.
    expect(result.policy.mandatory).toBe(0);
    expect(result.policy.indeterminate.map((i) => `${i.policyName} ${i.resourceName}`).sort()).toEqual(
      ["artifacts", "datasets", "models"].map((b) => `aws-s3-bucket-policy-not-public ${b}-tls-only`),
    );
    expect(gateFailures(result)).toEqual(["3 check(s) that could not run in preview (allow with --allow-indeterminate)"]);
    expect(exitCodeOf(result)).toBe(1);
    expect(exitCodeOf({ ...result, allowed: { ...result.allowed, indeterminate: true } })).toBe(0);
  });

  it("reports mandatory violations with exit code 1 for a prod-tier program", async () => {
    // typecheck: false here and below: a cold type-check of an @pulumi/aws program costs ~17 s of CPU (tests/plan-programs.test.ts covers it).
    const result = await plan({ stack: "prod", programDir: path.join(fixtures, "insecure-program"), typecheck: false });
    expect(result.tier).toBe("prod");
    expect(result.tierSource).toBe("stack name");
    expect(result.policy.mandatory).toBeGreaterThanOrEqual(5);
    expect(exitCodeOf(result)).toBe(1);
    // The SDK marks `password` secret itself; the plan still sees that it is a literal in the source.
    const rds = result.resources.find((r) => r.name === "reporting");
    expect(rds?.secretPaths).toContain("password");
    expect(result.policy.violations.filter((v) => v.policyName === "aws-secrets-no-plaintext-inputs").map((v) => v.message)).toEqual([
      expect.stringMatching(/^reporting: password is a literal in the program/),
    ]);
  });

  it("turns a config error into a PlanError carrying the ConfigError's message", async () => {
    await expect(plan({ stack: "negative-size", programDir: path.join(fixtures, "bad-config") })).rejects.toThrow(PlanError);
    await expect(plan({ stack: "negative-size", programDir: path.join(fixtures, "bad-config") })).rejects.toThrow("mlops-platform:database.sizeGb: -5 is not allowed");
  });

  it("resolves a program's imports from its own node_modules first, then from the platform's", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "team-"));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: team-own-modules\nruntime: nodejs\n");
    fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config: {}\n");
    fs.mkdirSync(path.join(dir, "node_modules", "team-naming"), { recursive: true });
    fs.writeFileSync(path.join(dir, "node_modules", "team-naming", "index.js"), 'exports.prefix = "team-own";\n');
    fs.writeFileSync(
      path.join(dir, "index.ts"),
      [
        'import * as aws from "@pulumi/aws";',
        'import { prefix } from "team-naming";',
        'const key = new aws.kms.Key(`${prefix}-key`, { enableKeyRotation: true });',
        "export const keyName = `${prefix}-key`;",
        "export const keyUrn = key.urn;",
      ].join("\n"),
    );
    const result = await plan({ stack: "dev", programDir: dir, typecheck: false });
    expect(result.outputs["keyName"]).toBe("team-own-key");
    expect(result.resources.map((r) => r.name)).toContain("team-own-key");
  });
});
