// Real plans in-process: the JSON holds no secret in clear (a program with secrets from config and
// from random, in resource inputs, outputs and stack outputs: tests/fixtures/secrets-program), and
// runPlan's output and exit codes. The same through real processes: tests/plan-cli.test.ts.
import { describe, expect, it } from "@jest/globals";
import os from "node:os";
import path from "node:path";
import type { PlanFlags } from "./cli-options";
import { plan } from "./plan";
import { PLATFORM_ROOT } from "./program";
import { toJson } from "./report";
import { runPlan } from "./run-plan";

const fixtures = path.resolve(__dirname, "..", "..", "..", "tests", "fixtures");
const fixture = path.join(fixtures, "secrets-program");

const flags: PlanFlags = { preview: false, tree: true, diff: false, timeout: 120_000, allowUnverified: false, allowIndeterminate: false, verbose: false, typecheck: false, transpileOnly: false };

async function run(stack: string, extra: Partial<PlanFlags>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPlan(stack, { ...flags, ...extra }, { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

describe("runPlan", () => {
  it("shows inputs with --diff, secrets masked; a JSON file it cannot write is exit 2 with the reason, not a stack trace", async () => {
    const target = path.join(os.tmpdir(), "no-such-dir-for-mlops", "plan.json");
    const r = await run("prod", { program: path.join(fixtures, "insecure-program"), diff: true, json: target });
    expect(r.stdout).toMatch(/^\+ .*aws:rds\/instance:Instance {2}reporting {2}\[secret: password\]\n(?:\+ .*\n)*\+ {10}password: \[secret\]$/m);
    expect(r.stdout).toMatch(/^\+ {10}publiclyAccessible: true$/m);
    expect(r.stdout).not.toContain("hunter2hunter2");
    expect(r.stderr).toBe(`mlops plan: ENOENT: no such file or directory, open '${target}'\n`);
    expect(r.code).toBe(2);
  });

  it.each([
    ["unknown-slot", 'mlops-platform:modules.dataPipeline: "rabbitmq" is not allowed; allowed: "kafka", "kinesis", "pulsar", "pubsub", "none"'],
    ["incompatible", 'mlops-platform:modules.dataPipeline: "kinesis" is not available on gcp; allowed on gcp: pubsub, kafka, pulsar, none'],
    ["negative-size", "mlops-platform:database.sizeGb: -5 is not allowed: must be >= 20"],
    ["missing-required", "mlops-platform:costCenter: is required (expected string)"],
  ])("stops on a bad stack file (%s) with exit 2, naming the key, no report, no stack trace", async (stack, message) => {
    const r = await run(stack, { program: path.join(fixtures, "bad-config") });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe("");
  });

  it("warns when a stack without a config file is one typo away from a stack with one", async () => {
    const r = await run("prdo", {});
    expect(r.stderr).toContain(`warning: no Pulumi.prdo.yaml in ${PLATFORM_ROOT}: stack "prdo" has no config. Did you mean "prod"?\n`);
    // The root program needs its config: with none, a config error.
    expect(r.stderr).toContain("mlops plan: ");
    expect(r.code).toBe(2);
  });
});

describe("toJson on a planned program", () => {
  it("masks every secret the engine saw, wherever it went", async () => {
    const result = await plan({ stack: "dev", programDir: fixture, typecheck: false });
    const raw = JSON.stringify(result);
    const randoms = result.resources.filter((r) => r.type === "random:index/randomPassword:RandomPassword").map((r) => String(r.outputs["result"]));
    expect(randoms).toHaveLength(2);
    // The plaintext is in the plan itself (the policies need it), so the check below can fail.
    const secrets = ["tok-plain-in-config-7f3a9c", ...randoms];
    for (const s of secrets) expect(raw).toContain(s);

    const json = toJson(result);
    for (const s of secrets) expect(json).not.toContain(s);
    const parsed = JSON.parse(json) as typeof result;
    const secret = parsed.resources.find((r) => r.type === "kubernetes:core/v1:Secret");
    // The kubernetes SDK marks all of stringData secret.
    expect(secret?.inputs["stringData"]).toBe("[secret]");
    expect(parsed.resources.find((r) => r.type === "aws:ssm/parameter:Parameter")?.inputs["value"]).toBe("[secret]");
    expect(parsed.resources.find((r) => r.name === "unused")?.outputs["result"]).toBe("[secret]");
    expect(parsed.outputs).toMatchObject({ token: "[secret]", connection: "[secret]", region: "us-east-1" });
    // What is not secret stays readable.
    expect(secret?.inputs["metadata"]).toMatchObject({ name: "app", namespace: "apps" });
  });
});
