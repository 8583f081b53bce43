// Programs run the way Pulumi's Node.js runtime runs them: runtime, working directory, entry,
// module format, type-check, errors, provider versions, stack files. In-process through plan(),
// plus one real process for what only real Node does (ES modules with top-level await, tsx's
// source maps).
import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PlanError, plan } from "@mlops/cli";

const root = path.resolve(__dirname, "..");
const fixtures = path.join(__dirname, "fixtures");

/** A program folder outside the repository (no node_modules up the tree: imports fall back to the platform's). */
function program(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mlops-program-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function planError(p: Promise<unknown>): Promise<PlanError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PlanError);
  return err as PlanError;
}

describe("running a program as Pulumi does", () => {
  it("runs the program in the folder of its main file, and gives the caller's working directory back", async () => {
    const before = process.cwd();
    const result = await plan({ stack: "dev", programDir: path.join(fixtures, "relative-read-program"), typecheck: false });
    expect(process.cwd()).toBe(before);
    expect(result.outputs["queueNames"]).toEqual(["ingest", "score"]);
    expect(result.resources.filter((r) => r.type === "aws:sqs/queue:Queue").map((r) => r.name)).toEqual(["ingest", "score"]);
    expect(result.warnings).toEqual([]);
  });

  it("plans a stack without a stack file with no config, as Pulumi does, and says so", async () => {
    const dir = program({
      "Pulumi.yaml": "name: no-stack-file\nruntime: nodejs\nconfig:\n  no-stack-file:prefix:\n    default: team\n",
      "index.js": 'const pulumi = require("@pulumi/pulumi");\nexports.prefix = new pulumi.Config().require("prefix");\n',
    });
    const result = await plan({ stack: "qa", programDir: dir });
    expect(result.outputs).toEqual({ prefix: "team" });
    expect(result.warnings).toEqual(["no Pulumi.qa.yaml: the stack has no config of its own (Pulumi's rule), only Pulumi.yaml defaults"]);
  });

  it("never reuses a program's first run when it is planned again in one process", async () => {
    const dir = program({ "Pulumi.yaml": "name: twice\nruntime: nodejs\n", "index.js": 'const aws = require("@pulumi/aws");\nnew aws.kms.Key("k", { enableKeyRotation: true });\n' });
    expect((await plan({ stack: "dev", programDir: dir })).resources.map((r) => r.name)).toContain("k");
    // Real Node evicts the program's modules and runs it again; Jest's registry cannot: that must
    // fail, never plan nothing.
    await expect(plan({ stack: "dev", programDir: dir })).rejects.toThrow("already ran in this process and its module cannot be loaded again here: plan it in a new process");
  });

  it("refuses a program of another runtime, naming it and what the offline plan runs", async () => {
    const err = await planError(plan({ stack: "dev", programDir: path.join(fixtures, "python-program") }));
    expect(err.message).toBe(
      `${path.join(fixtures, "python-program", "Pulumi.yaml")}: runtime "python" is a python program; the offline plan runs "runtime: nodejs" programs only (TypeScript or JavaScript). Plan it with \`pulumi preview\` instead.`,
    );
    const bad = program({ "Pulumi.yaml": "name: x\nruntime:\n  name: nodejs\n  options:\n    typescript: yes please\n", "index.js": "" });
    expect((await planError(plan({ stack: "dev", programDir: bad }))).message).toBe(`${path.join(bad, "Pulumi.yaml")}: runtime.options.typescript must be a boolean, got "yes please"`);
  });

  it("warns that nodeargs are not applied, and runs a JavaScript program without a type-check", async () => {
    const dir = program({
      "Pulumi.yaml": "name: js-team\nruntime:\n  name: nodejs\n  options:\n    nodeargs: --max-old-space-size=4096\n",
      "Pulumi.dev.yaml": "config: {}\n",
      "index.js": 'const aws = require("@pulumi/aws");\nnew aws.kms.Key("k", { enableKeyRotation: true });\nexports.ok = true;\n',
    });
    const steps: string[] = [];
    const result = await plan({ stack: "dev", programDir: dir, onProgress: (s) => steps.push(s) });
    expect(result.outputs).toEqual({ ok: true });
    expect(result.warnings).toEqual(['Pulumi.yaml runtime.options.nodeargs "--max-old-space-size=4096" is not applied: the offline plan runs the program inside its own Node.js process']);
    expect(steps.filter((s) => s.startsWith("type-checking"))).toEqual([]);
  });

  it("warns when the program pins another provider major than the one the plan loads, naming both", async () => {
    const dir = program({
      "Pulumi.yaml": "name: pinned\nruntime: nodejs\n",
      "Pulumi.dev.yaml": "config: {}\n",
      "package.json": JSON.stringify({ dependencies: { "@pulumi/aws": "^6.66.0", "@pulumi/pulumi": "^3.150.0" }, devDependencies: { "@pulumi/random": "~3.1.0" } }),
      "index.js": 'const aws = require("@pulumi/aws");\nnew aws.kms.Key("k", { enableKeyRotation: true });\n',
    });
    const result = await plan({ stack: "dev", programDir: dir });
    const ours = (name: string) => (JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`, { paths: [path.join(root, "programs", "platform")] }), "utf8")) as { version: string }).version;
    expect(result.warnings).toEqual([
      `package.json pins @pulumi/aws ^6.66.0 (major 6), but the program has no node_modules with it and the plan loads the platform's @pulumi/aws ${ours("@pulumi/aws")} (major 7): resource inputs and defaults may differ. Install the program's dependencies to plan against its own versions.`,
      `package.json pins @pulumi/random ~3.1.0 (major 3), but the program has no node_modules with it and the plan loads the platform's @pulumi/random ${ours("@pulumi/random")} (major 4): resource inputs and defaults may differ. Install the program's dependencies to plan against its own versions.`,
    ]);
    // When such a program fails, the warning comes with the error: it is often the reason.
    const failing = program({
      "Pulumi.yaml": "name: pinned-failing\nruntime: nodejs\n",
      "package.json": JSON.stringify({ dependencies: { "@pulumi/aws": "^6.66.0" } }),
      "index.js": 'throw new Error("Missing required property \'location\'");\n',
    });
    const err = await planError(plan({ stack: "dev", programDir: failing }));
    expect(err.message).toMatch(/^the program failed: .*Missing required property 'location'.*\nwarning: package\.json pins @pulumi\/aws \^6\.66\.0 \(major 6\)/s);
  });

  it("runs an ES module program's default export and takes its result as the outputs; refuses a default export next to named ones", async () => {
    const files = {
      "Pulumi.yaml": "name: esm-team\nruntime: nodejs\n",
      "Pulumi.dev.yaml": "config: {}\n",
      "package.json": '{ "type": "module" }',
      "index.ts": 'import * as aws from "@pulumi/aws";\nexport default async () => {\n  const key = new aws.kms.Key("k", { enableKeyRotation: true });\n  return { keyName: "k", arn: key.arn };\n};\n',
    };
    const result = await plan({ stack: "dev", programDir: program(files), typecheck: false });
    expect(result.outputs["keyName"]).toBe("k");
    expect(result.resources.map((r) => r.name)).toContain("k");
    const both = program({ ...files, "index.ts": `${files["index.ts"]}export const extra = 1;\n` });
    expect((await planError(plan({ stack: "dev", programDir: both, typecheck: false }))).message).toContain(
      "the program's entry module has a default export and named exports (extra): Pulumi expects one or the other",
    );
  });

  it("points a program error at the user's file and line, and gives the whole stack with verbose", async () => {
    const dir = program({
      "Pulumi.yaml": "name: failing\nruntime: nodejs\n",
      "Pulumi.dev.yaml": "config: {}\n",
      "index.ts": 'import * as aws from "@pulumi/aws";\n\nconst zones: string[] = [];\nif (zones.length === 0) throw new Error("no zones configured");\nexport const key = new aws.kms.Key("k").arn;\n',
    });
    const err = await planError(plan({ stack: "dev", programDir: dir, typecheck: false }));
    expect(err.message).toBe("the program failed: no zones configured\n    at index.ts:4:31");
    const verbose = await planError(plan({ stack: "dev", programDir: dir, typecheck: false, verbose: true }));
    expect(verbose.message).toMatch(/^the program failed: Error: no zones configured\n\s+at .*index\.ts:4:31/);
  });
});

describe("type-checking as Pulumi's runner does", () => {
  it("reports type errors as file:line:col - error TSxxxx lines and stops the plan; says it is type-checking", async () => {
    const steps: string[] = [];
    const dir = path.join(fixtures, "type-error-program");
    const err = await planError(plan({ stack: "dev", programDir: dir, onProgress: (s) => steps.push(s) }));
    expect(steps).toEqual([`type-checking ${path.relative(process.cwd(), path.join(dir, "index.mts"))}`]);
    expect(err.message.split("\n")).toEqual([
      expect.stringMatching(/^the program has 2 TypeScript error\(s\), which stop `pulumi preview` too/),
      "  index.mts:5:7 - error TS2322: Type 'string' is not assignable to type 'number'.",
      "  index.mts:7:32 - error TS2551: Property 'requireNumbr' does not exist on type 'Config'. Did you mean 'requireNumber'?",
    ]);
  });

  it("skips the check when the program opts out (tsconfig noCheck) or the caller does (typecheck: false)", async () => {
    const files = {
      "Pulumi.yaml": "name: loose\nruntime: nodejs\n",
      "Pulumi.dev.yaml": "config: {}\n",
      "index.ts": '// No imports: a cheap check.\nconst n: number = "3" as unknown as string;\nexport const value = n;\n',
    };
    const optedOut = program({ ...files, "tsconfig.json": '{ "compilerOptions": { "strict": true, "noCheck": true } }' });
    expect((await plan({ stack: "dev", programDir: optedOut })).outputs["value"]).toBe("3");
    expect((await plan({ stack: "dev", programDir: program(files), typecheck: false })).outputs["value"]).toBe("3");
    await expect(plan({ stack: "dev", programDir: program(files) })).rejects.toThrow("index.ts:2:7 - error TS2322: Type 'string' is not assignable to type 'number'.");
  });
});

describe("a real process", () => {
  it("runs an ES module program with top-level await and a default export, and maps a TypeScript error to the user's line", () => {
    const bin = path.join(root, "packages", "cli", "lib", "bin.js");
    // Transpile-only: a cold type-check of an @pulumi/aws program costs more than the rest of the test.
    const env = { ...process.env, PULUMI_NODEJS_TRANSPILE_ONLY: "true" };
    const esm = spawnSync(process.execPath, [bin, "plan", "dev", "--program", path.join(fixtures, "esm-program")], { cwd: root, encoding: "utf8", env });
    expect(esm.stderr).toBe("");
    expect(esm.status).toBe(0);
    expect(esm.stdout).toMatch(/aws:s3\/bucket:Bucket {2}team-esm-raw/);
    expect(esm.stdout).toMatch(/aws:s3\/bucket:Bucket {2}team-esm-curated/);

    const dir = program({
      "Pulumi.yaml": "name: failing-esm\nruntime: nodejs\n",
      "Pulumi.dev.yaml": "config: {}\n",
      "package.json": '{ "type": "module" }',
      "index.ts": 'import * as aws from "@pulumi/aws";\n\ninterface Zone { name: string }\nconst zones: Zone[] = await Promise.resolve([]);\nif (zones.length === 0) throw new Error("no zones configured");\nexport const key = new aws.kms.Key("k").arn;\n',
    });
    const failed = spawnSync(process.execPath, [bin, "plan", "dev", "--program", dir], { cwd: root, encoding: "utf8", env });
    expect(failed.status).toBe(2);
    expect(failed.stderr).toContain("the program failed: no zones configured\n    at index.ts:5:31");
  });
});
