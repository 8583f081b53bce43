// The corpus: real public Pulumi TypeScript programs (tests/fixtures/corpus, from pulumi/examples),
// each planned and compared with its reviewed expected.json. After a change that moves an outcome,
// `UPDATE_CORPUS=1 npx jest tests/corpus.test.ts` rewrites the expected files: review the diff
// before committing it (a false or a missed violation is a bug to fix, not to freeze).
//
// The programs are planned by plan() from the built CLI library in one child Node process (the
// SDKs load once; the preview plans in a second one, as a process plans a program only once:
// Node caches the loaded program, so a second plan of it registers nothing), not inside jest: jest's module sandbox cannot load ES-module programs ("type":
// "module") and resolves imports differently from Node (`./acl.js` for acl.ts), so a plan inside it
// is not the plan a user gets. `npm test` builds first; by hand, run `tsc -b` before this file.
import { beforeAll, describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const CORPUS = path.join(__dirname, "fixtures", "corpus");
const REPO = path.resolve(__dirname, "..");
const CLI_LIB = path.join(REPO, "packages", "cli", "lib", "index.js");
const STACK = "corpus";
const UPDATE = process.env["UPDATE_CORPUS"] === "1";
/** Type-checked as Pulumi's runner would; the others skip it to keep the suite cheap (a cold check of an AWS program costs ~10 s). */
const TYPECHECKED = new Set(["kubernetes-ts-nginx"]);
/** Also planned as `pulumi preview` would (`--preview`): programs whose computed values decide a check or a branch. */
const PREVIEWED = new Set(["aws-ts-static-website", "aws-ts-wordpress-fargate-rds", "gcp-ts-gke"]);

/**
 * Programs whose plan is known to be wrong today, and why: their expected.json holds what a
 * careful reviewer expects (written by hand, never regenerated), and the test is `it.failing`
 * until the plan gets it right; then it fails, asking to drop the entry.
 */
const KNOWN_WRONG: Record<string, string> = {};

/** What a reviewer checks of a plan: stable across runs, free of absolute paths. */
interface Outcome {
  exitCode: number;
  /** The PlanError's message when the program could not be planned (exit 2). */
  error?: string;
  resources?: Record<string, number>;
  /** Remote components by how the plan saw inside them, and any resource the plan reports unverified: `type name`. */
  components?: { modelled: string[]; unverified: string[]; opaque: string[] };
  /** `policy-name: resource-type resource-name`, sorted. */
  violations?: string[];
  /** Checks that could not run in preview: `policy-name: resource-type resource-name`, sorted. */
  indeterminate?: string[];
  warnings?: string[];
  /** The same program planned in preview mode (computed values unknown), for the programs in PREVIEWED. */
  preview?: Outcome;
}

/** One plan the child process runs. */
interface Job {
  key: string;
  /** Jobs of one round share a child process; a program appears at most once per round. */
  round: number;
  options: { stack: string; programDir: string; preview: boolean; typecheck: boolean; timeoutMs: number; mocksFile?: string };
}

/** What the child sends back of a PlanResult: the fields an Outcome is made of. */
interface Planned {
  exitCode: number;
  resources: { type: string; name: string; urn: string; parent?: string; remote: boolean; custom: boolean; modelled?: boolean; unverified?: string }[];
  violations: { policyName: string; resourceType?: string; resourceName?: string; urn?: string }[];
  indeterminate: { policyName: string; resourceType?: string; resourceName?: string; urn?: string }[];
  warnings: string[];
}
type Answer = { planned: Planned } | { error: string; planError: boolean };

// Runs in the child: plan() each job in turn, answers into a file (programs print to stdout).
const CHILD = `
const [lib, jobsFile, answersFile] = process.argv.slice(1);
require("node:module").enableCompileCache?.(require("node:path").join(${JSON.stringify(REPO)}, ".toolchain", "compile-cache"));
const { plan, exitCodeOf, PlanError } = require(lib);
const fs = require("node:fs");
const pick = (v) => ({ policyName: v.policyName, resourceType: v.resourceType, resourceName: v.resourceName, urn: v.urn });
(async () => {
  const answers = {};
  for (const job of JSON.parse(fs.readFileSync(jobsFile, "utf8"))) {
    try {
      const r = await plan(job.options);
      answers[job.key] = { planned: {
        exitCode: exitCodeOf(r),
        resources: r.resources.map((x) => ({ type: x.type, name: x.name, urn: x.urn, parent: x.parent, remote: x.remote, custom: x.custom, modelled: x.modelled, unverified: x.unverified })),
        violations: r.policy.violations.map(pick),
        indeterminate: r.policy.indeterminate.map(pick),
        warnings: r.warnings,
      } };
    } catch (err) {
      answers[job.key] = { error: String(err && err.message || err), planError: err instanceof PlanError };
    }
  }
  fs.writeFileSync(answersFile, JSON.stringify(answers));
  process.exit(0);
})();
`;

const programs = fs
  .readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(CORPUS, d.name, "Pulumi.yaml")))
  .map((d) => d.name)
  .sort();

function jobsOf(name: string): Job[] {
  const dir = path.join(CORPUS, name);
  const mocksFile = path.join(dir, "mocks.yaml");
  const base = { stack: STACK, programDir: dir, timeoutMs: 20_000, ...(fs.existsSync(mocksFile) ? { mocksFile } : {}) };
  const jobs: Job[] = [{ key: name, round: 0, options: { ...base, preview: false, typecheck: TYPECHECKED.has(name) } }];
  if (PREVIEWED.has(name)) jobs.push({ key: `${name} --preview`, round: 1, options: { ...base, preview: true, typecheck: false } });
  return jobs;
}

/** Plans the jobs of each round in one child process; throws when a child itself failed. */
function planAll(jobs: Job[]): Record<string, Answer> {
  const rounds = [...new Set(jobs.map((j) => j.round))].sort();
  return Object.assign({}, ...rounds.map((r) => planInChild(jobs.filter((j) => j.round === r))));
}

function planInChild(jobs: Job[]): Record<string, Answer> {
  if (!fs.existsSync(CLI_LIB)) throw new Error(`${path.relative(REPO, CLI_LIB)} is missing: build first (tsc -b)`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "corpus-"));
  const jobsFile = path.join(tmp, "jobs.json");
  const answersFile = path.join(tmp, "answers.json");
  fs.writeFileSync(jobsFile, JSON.stringify(jobs));
  const r = spawnSync(process.execPath, ["-e", CHILD, CLI_LIB, jobsFile, answersFile], { cwd: REPO, encoding: "utf8", timeout: 240_000, maxBuffer: 64 * 1024 * 1024 });
  if (!fs.existsSync(answersFile)) throw new Error(`the corpus planner exited ${r.status ?? r.signal} without answers:\n${r.stderr}`);
  const answers = JSON.parse(fs.readFileSync(answersFile, "utf8")) as Record<string, Answer>;
  fs.rmSync(tmp, { recursive: true, force: true });
  return answers;
}

const scrub = (s: string): string => s.split(CORPUS).join("<corpus>").split(REPO).join("<repo>");

function outcomeOf(answer: Answer | undefined): Outcome {
  if (!answer) throw new Error("the corpus planner gave no answer for this plan");
  // Anything but a PlanError is a crash of the plan, never an expected outcome.
  if ("error" in answer) {
    if (!answer.planError) throw new Error(`the plan crashed (not a PlanError): ${answer.error}`);
    return { exitCode: 2, error: scrub(answer.error) };
  }
  const { planned } = answer;
  const resources: Record<string, number> = {};
  for (const r of planned.resources) resources[r.type] = (resources[r.type] ?? 0) + 1;
  const components: Required<Outcome>["components"] = { modelled: [], unverified: [], opaque: [] };
  for (const r of planned.resources) {
    const label = `${r.type} ${r.name}`;
    if (r.unverified) components.unverified.push(label);
    else if (!r.remote || r.custom) continue;
    else if (planned.resources.some((c) => c.parent === r.urn && c.modelled)) components.modelled.push(label);
    // Neither modelled nor reported: the fail-open case the corpus is meant to catch.
    else components.opaque.push(label);
  }
  const named = (vs: Planned["violations"]) => vs.map((v) => `${v.policyName}: ${v.resourceType ? `${v.resourceType} ` : ""}${v.resourceName ?? v.urn ?? "(stack)"}`).sort();
  return {
    exitCode: planned.exitCode,
    resources: Object.fromEntries(Object.entries(resources).sort(([a], [b]) => a.localeCompare(b))),
    components: { modelled: components.modelled.sort(), unverified: components.unverified.sort(), opaque: components.opaque.sort() },
    violations: named(planned.violations),
    indeterminate: named(planned.indeterminate),
    warnings: planned.warnings.map(scrub),
  };
}

describe("the corpus of public Pulumi programs", () => {
  let answers: Record<string, Answer> = {};
  beforeAll(() => {
    answers = planAll(programs.flatMap(jobsOf));
  }, 300_000);

  it("has programs, each listed in the corpus README; the type-checked and previewed ones exist", () => {
    expect(programs.length).toBeGreaterThanOrEqual(25);
    const readme = fs.readFileSync(path.join(CORPUS, "README.md"), "utf8");
    expect(programs.filter((p) => !readme.includes(`| ${p} |`))).toEqual([]);
    expect([...TYPECHECKED, ...PREVIEWED, ...Object.keys(KNOWN_WRONG)].filter((p) => !programs.includes(p))).toEqual([]);
  });

  for (const name of programs) {
    const known = KNOWN_WRONG[name];
    // Regenerating never overwrites a hand-written expectation.
    const test = known ? (UPDATE ? it.skip : it.failing) : it;
    test(`${name} plans as expected.json says${known ? ` (KNOWN WRONG: ${known})` : ""}`, () => checkProgram(name));
  }

  function checkProgram(name: string): void {
    const actual = outcomeOf(answers[name]);
    if (PREVIEWED.has(name)) actual.preview = outcomeOf(answers[`${name} --preview`]);
    const expectedFile = path.join(CORPUS, name, "expected.json");
    if (UPDATE) {
      fs.writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + "\n");
      return;
    }
    if (!fs.existsSync(expectedFile)) throw new Error(`${name}: no expected.json (run UPDATE_CORPUS=1 npx jest tests/corpus.test.ts, then review it)`);
    const expected = JSON.parse(fs.readFileSync(expectedFile, "utf8")) as Outcome;
    try {
      expect(actual).toEqual(expected);
    } catch (err) {
      (err as Error).message = `${name}: the plan differs from ${path.relative(REPO, expectedFile)} (after review, UPDATE_CORPUS=1 npx jest tests/corpus.test.ts rewrites it)\n\n${(err as Error).message}`;
      throw err;
    }
  }
});
