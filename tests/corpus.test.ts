// The corpus: real public Pulumi TypeScript programs (tests/fixtures/corpus, from pulumi/examples)
// planned in-process, each compared with its reviewed expected.json. After a change that moves an
// outcome, `UPDATE_CORPUS=1 npx jest tests/corpus.test.ts` rewrites the expected files: review the
// diff before committing it (a false or a missed violation is a bug to fix, not to freeze).
import { describe, expect, it } from "@jest/globals";
import fs from "node:fs";
import path from "node:path";
import { PlanError, exitCodeOf, plan, type PlanResult } from "@mlops/cli";

const CORPUS = path.join(__dirname, "fixtures", "corpus");
const REPO = path.resolve(__dirname, "..");
const STACK = "corpus";
const UPDATE = process.env["UPDATE_CORPUS"] === "1";
/** Type-checked as Pulumi's runner would; the others skip it to keep the suite cheap. */
const TYPECHECKED = new Set(["aws-ts-secrets-manager", "kubernetes-ts-nginx"]);
/** Also planned as `pulumi preview` would (`--preview`): programs whose computed values decide a check or a branch. */
const PREVIEWED = new Set(["aws-ts-static-website", "aws-ts-wordpress-fargate-rds", "gcp-ts-gke"]);

/** What a reviewer checks of a plan: stable across runs, free of absolute paths. */
interface Outcome {
  exitCode: number;
  /** The PlanError's message when the program could not be planned (exit 2). */
  error?: string;
  resources?: Record<string, number>;
  /** Remote components by how the plan saw inside them: `type name`. */
  components?: { modelled: string[]; unverified: string[]; opaque: string[] };
  /** `policy-name: resource-name`, sorted. */
  violations?: string[];
  /** Checks that could not run in preview: `policy-name: resource-name`, sorted. */
  indeterminate?: string[];
  warnings?: string[];
  /** The same program planned in preview mode (computed values unknown), for the programs in PREVIEWED. */
  preview?: Outcome;
}

const programs = fs
  .readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(CORPUS, d.name, "Pulumi.yaml")))
  .map((d) => d.name)
  .sort();

const scrub = (s: string): string => s.split(CORPUS).join("<corpus>").split(REPO).join("<repo>");

function outcomeOf(result: PlanResult): Outcome {
  const resources: Record<string, number> = {};
  for (const r of result.resources) resources[r.type] = (resources[r.type] ?? 0) + 1;
  const components: Required<Outcome>["components"] = { modelled: [], unverified: [], opaque: [] };
  for (const r of result.resources.filter((x) => x.remote && !x.custom)) {
    const label = `${r.type} ${r.name}`;
    if (r.unverified) components.unverified.push(label);
    else if (result.resources.some((c) => c.parent === r.urn && c.modelled)) components.modelled.push(label);
    // Neither modelled nor reported: the fail-open case the corpus is meant to catch.
    else components.opaque.push(label);
  }
  const named = (vs: PlanResult["policy"]["violations"]) => vs.map((v) => `${v.policyName}: ${v.resourceName ?? v.urn ?? "(stack)"}`).sort();
  return {
    exitCode: exitCodeOf(result),
    resources: Object.fromEntries(Object.entries(resources).sort(([a], [b]) => a.localeCompare(b))),
    components: { modelled: components.modelled.sort(), unverified: components.unverified.sort(), opaque: components.opaque.sort() },
    violations: named(result.policy.violations),
    indeterminate: named(result.policy.indeterminate),
    warnings: result.warnings.map(scrub),
  };
}

async function planProgram(name: string, preview: boolean): Promise<Outcome> {
  const dir = path.join(CORPUS, name);
  const mocksFile = path.join(dir, "mocks.yaml");
  try {
    const result = await plan({
      stack: STACK,
      programDir: dir,
      preview,
      typecheck: TYPECHECKED.has(name) && !preview,
      timeoutMs: 20_000,
      ...(fs.existsSync(mocksFile) ? { mocksFile } : {}),
    });
    return outcomeOf(result);
  } catch (err) {
    if (!(err instanceof PlanError)) throw err;
    return { exitCode: 2, error: scrub(err.message) };
  }
}

describe("the corpus of public Pulumi programs", () => {
  it("has programs, each listed in the corpus README; the type-checked and previewed ones exist", () => {
    expect(programs.length).toBeGreaterThanOrEqual(25);
    const readme = fs.readFileSync(path.join(CORPUS, "README.md"), "utf8");
    expect(programs.filter((p) => !readme.includes(`| ${p} |`))).toEqual([]);
    expect([...TYPECHECKED, ...PREVIEWED].filter((p) => !programs.includes(p))).toEqual([]);
  });

  it.each(programs)("%s plans as expected.json says", async (name) => {
    const actual = await planProgram(name, false);
    if (PREVIEWED.has(name)) actual.preview = await planProgram(name, true);
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
  });
});
