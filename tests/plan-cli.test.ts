// The plan CLI as a user runs it: a real process, real exit codes, real output.
// Needs the build (`tsc -b` runs before jest in `npm test`).
import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const bin = path.join(root, "packages", "cli", "lib", "bin.js");
const fixtures = path.join(__dirname, "fixtures");

function mlops(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A shell pipeline: `mlops <args> | <reader>`, with the plan's own exit code. */
function piped(reader: string, ...args: string[]) {
  const cmd = `"${process.execPath}" "${bin}" ${args.map((a) => `'${a}'`).join(" ")} | ${reader}; echo "mlops-exit=\${PIPESTATUS[0]}"`;
  const r = spawnSync("bash", ["-c", cmd], { cwd: root, encoding: "utf8" });
  return { stdout: r.stdout, stderr: r.stderr };
}

const secretsProgram = path.join(fixtures, "secrets-program");

describe("mlops plan", () => {
  it("plans the prod stack, says it is mocked, prints the tree and exits 0 with no mandatory violation", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plan-"));
    const json = path.join(tmp, "plan.json");
    const r = mlops("plan", "prod", "--json", json);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('MOCKED PLAN of stack "prod"');
    // As pulumi preview: a create marker on each resource, the count, the outputs with secrets masked.
    expect(r.stdout).toMatch(/^\+ └─ pulumi:pulumi:Stack {2}mlops-platform-prod$/m);
    expect(r.stdout).toMatch(/^Resources:\n {4}\+ \d+ to create$/m);
    expect(r.stdout).toMatch(/^Outputs:\n(?: {4}.*\n)* {4}databaseConnectionString: \[secret\]$/m);
    expect(r.stdout).toContain("Plan passed (enforcement mandatory).");
    expect(r.stdout).toMatch(/├─ mlops:database:Database {2}metadata {2}\[protected\]|mlops:database:Database {2}metadata/);
    expect(r.stdout).toMatch(/Policies: \d+ evaluated, 0 mandatory/);
    const graph = JSON.parse(fs.readFileSync(json, "utf8")) as { mocked: boolean; resources: { type: string; urn: string; parent?: string; inputs: object }[] };
    expect(graph.mocked).toBe(true);
    const rds = graph.resources.find((res) => res.type === "aws:rds/instance:Instance");
    expect(rds).toBeDefined();
    expect(rds?.urn).toContain("mlops:database:Database$aws:rds/instance:Instance");
    expect(rds?.parent).toContain("mlops:database:Database::metadata");
    expect(rds?.inputs).toMatchObject({ storageEncrypted: true, publiclyAccessible: false });
    for (const res of graph.resources) {
      expect(typeof res.type).toBe("string");
      expect(res.urn).toMatch(/^urn:pulumi:prod::mlops-platform::/);
      expect(res.inputs).toBeDefined();
    }
  });

  it("refuses an insecure program planned for prod, naming each violation and its rule", () => {
    const r = mlops("plan", "prod", "--program", path.join(fixtures, "insecure-program"), "--no-tree");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("Tier prod");
    expect(r.stdout).toMatch(/Plan FAILED \(enforcement mandatory\): \d+ mandatory policy violation\(s\)\.\n$/);
    for (const [rule, resource] of [
      ["aws-s3-", "raw-data"],
      ["aws-rds-", "reporting"],
      ["aws-ec2-", "ssh-v4"],
      ["aws-ec2-", "ssh-v6"],
      ["aws-elasticache-", "sessions"],
    ] as const) {
      expect(r.stdout).toMatch(new RegExp(`\\[mandatory\\] ${rule}[a-z0-9-]+: \\S+ ${resource}`));
    }
  });

  it("plans a team's own compliant program with its own config", () => {
    // The type-check has its own tests (plan-programs.test.ts); here it would only add its cost.
    const r = mlops("plan", "staging", "--program", path.join(fixtures, "team-program"), "--no-typecheck");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("aws:s3/bucket:Bucket  jobs");
  });

  // One bad stack file as a process; the other kinds in-process (packages/cli/src/run-plan.test.ts).
  it.each([["wrong-type", 'mlops-platform:database.sizeGb: "twenty" is not allowed: expected number']])("stops on a bad stack file (%s) before any resource, naming the key", (stack, message) => {
    const r = mlops("plan", stack, "--program", path.join(fixtures, "bad-config"));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stdout).not.toContain("MOCKED PLAN");
  });

  it("writes only the JSON to stdout with --json -, and no secret in clear", () => {
    const r = mlops("plan", "dev", "--program", secretsProgram, "--no-typecheck", "--json", "-");
    expect(r.status).toBe(0);
    const parsed = JSON.parse(r.stdout) as { mocked: boolean; outputs: Record<string, unknown> };
    expect(parsed.mocked).toBe(true);
    expect(parsed.outputs).toMatchObject({ token: "[secret]", connection: "[secret]" });
    expect(r.stdout).not.toContain("tok-plain-in-config-7f3a9c");
  });

  it("is not a crash when the reader closes the pipe early (| head)", () => {
    // `head -c 0` exits before the plan writes anything, so every write meets a closed pipe.
    const r = piped("head -c 0", "plan", "dev", "--program", secretsProgram, "--no-typecheck");
    expect(r.stdout).toBe("mlops-exit=0\n");
    expect(r.stderr).toBe("");
    const first = piped("head -n 1", "plan", "prod", "--program", path.join(fixtures, "insecure-program"), "--no-typecheck");
    expect(first.stdout).toBe('MOCKED PLAN of stack "prod" (project insecure-team-app, program tests/fixtures/insecure-program/index.ts)\nmlops-exit=1\n');
  });
});

describe("mlops usage errors and --version (no plan runs)", () => {
  it.each([
    [["plan", "prod", "--jsno", "x.json"], "error: unknown option '--jsno'\n(Did you mean --json?)"],
    [["plan"], "error: missing required argument 'stack'"],
    [["plna", "prod"], "error: unknown command 'plna'\n(Did you mean plan?)"],
    [["plan", "prod", "--timeout", "soon"], `error: option '--timeout <seconds>' argument 'soon' is invalid. "soon" is not allowed: expected a positive number of seconds`],
  ])("exits 2, not commander's 1: mlops %j", (args, message) => {
    const r = mlops(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
  });

  it("prints the CLI's and the policy pack's versions", () => {
    const version = (dir: string) => (JSON.parse(fs.readFileSync(path.join(root, "packages", dir, "package.json"), "utf8")) as { version: string }).version;
    const r = mlops("--version");
    expect(r).toEqual({ status: 0, stdout: `@mlops/cli ${version("cli")}\npolicy pack @mlops/policy ${version("policy")}\n`, stderr: "" });
  });

  it("passes every plan flag to plan() under its option name, and the defaults when none is given", () => {
    // One process parses both command lines with the built CLI and prints what plan() would get.
    const script = [
      `const { createCli } = require(${JSON.stringify(path.join(root, "packages", "cli", "lib", "cli.js"))});`,
      `const { planOptionsOf } = require(${JSON.stringify(path.join(root, "packages", "cli", "lib", "cli-options.js"))});`,
      "const io = { stdout: process.stdout, stderr: process.stderr };",
      "const parse = (argv) => new Promise((resolve) => createCli(io, async (stack, flags) => resolve({ options: planOptionsOf(stack, flags), diff: flags.diff, json: flags.json, tree: flags.tree })).parseAsync(argv, { from: \"user\" }));",
      'Promise.all([parse(["plan", "prod"]), parse(process.argv.slice(2))]).then((r) => process.stdout.write(JSON.stringify(r)));',
    ].join("\n");
    const args = ["plan", "dev", "--timeout", "2.5", "--allow-unverified", "--allow-indeterminate", "--mocks", "m.yaml", "--verbose", "--transpile-only", "--preview", "--program", "p", "--diff", "--json", "-", "--no-tree"];
    const r = spawnSync(process.execPath, ["-e", script, "mlops", ...args], { cwd: root, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual([
      { options: { stack: "prod", preview: false, timeoutMs: 120_000, allowUnverified: false, allowIndeterminate: false, verbose: false }, tree: true },
      {
        options: { stack: "dev", preview: true, timeoutMs: 2500, allowUnverified: true, allowIndeterminate: true, verbose: true, programDir: "p", mocksFile: path.join(root, "m.yaml"), typecheck: false },
        diff: true,
        json: "-",
        tree: false,
      },
    ]);
  });
});
