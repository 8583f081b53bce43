import path from "node:path";
import { ConfigError, TIERS, TIER_DEFAULTS, ENFORCEMENT_LEVELS, CONFIG_NAMESPACE, type EnforcementLevel, type Tier } from "@mlops/core";
import { MocksFileError, loadMocksFile, loadStackConfig, mocksOptions, runWithMocks, type InvokeRecord, type LogRecord, type RecordedResource } from "@mlops/testing";
import { evaluatePolicies, type PolicyViolation, type ValueOrigins } from "@mlops/policy/rules";
import { PLATFORM_ROOT, ProgramSetupError, describeProgramError, inDirectory, prepareProgram } from "./program";

export interface PlanOptions {
  stack: string;
  /** A Pulumi program directory with its own Pulumi.yaml; default: the platform's root program. */
  programDir?: string;
  /** Plan as `pulumi preview` does: computed values unknown. Default: false. */
  preview?: boolean;
  /** Stop with a PlanError naming what is still pending after this long. Default: 120 000 ms. */
  timeoutMs?: number;
  /** Unverified remote components (no model, Helm charts rendered at deploy time) do not fail a mandatory plan. */
  allowUnverified?: boolean;
  /** Policies that could not run in preview (unknown values) do not fail a mandatory plan. */
  allowIndeterminate?: boolean;
  /** A YAML or JSON file of invoke results and stack-reference outputs (`--mocks`). */
  mocksFile?: string;
  /** Type-check a TypeScript program as Pulumi's runner does; default: true unless the program opts out (transpileOnly / noCheck). */
  typecheck?: boolean;
  /** Program errors with their full stack. */
  verbose?: boolean;
  /** Called when a long step starts ("type-checking program", "running program", "evaluating policies"). */
  onProgress?: (step: string) => void;
}

export interface PlanResult {
  mocked: true;
  stack: string;
  project: string;
  program: string;
  tier: Tier;
  tierSource: string;
  enforcement: EnforcementLevel;
  preview: boolean;
  resources: RecordedResource[];
  outputs: Record<string, unknown>;
  secretOutputs: string[];
  /** What the program logged (`pulumi.log.*`): warnings such as config keys only planned components read. */
  logs: LogRecord[];
  /** The plan's own warnings (a provider SDK major that differs from the program's pin, ...). */
  warnings: string[];
  /** Remote components whose children no policy saw: each fails a mandatory plan unless `allowUnverified`. */
  unverified: { urn: string; type: string; name: string; reason: string }[];
  /** What the caller allowed through a mandatory gate (`--allow-unverified`, `--allow-indeterminate`). */
  allowed: { unverified: boolean; indeterminate: boolean };
  policy: {
    policiesRun: string[];
    violations: PolicyViolation[];
    /** Checks that could not run in preview (unknown values): each fails a mandatory plan unless `allowIndeterminate`. */
    indeterminate: PolicyViolation[];
    mandatory: number;
    advisory: number;
  };
}

/** How long a program may run before the plan stops it (`--timeout`). */
export const DEFAULT_TIMEOUT_MS = 120_000;

/** The plan could not run: bad config, a program error. Exit code 2. */
export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanError";
  }
}

/** The tier of a stack: its `mlops-platform:tier` (or `<project>:tier`) config, else its name. */
function tierOf(stack: string, project: string, config: Record<string, string>): { tier: Tier; source: string } {
  for (const k of [`${CONFIG_NAMESPACE}:tier`, `${project}:tier`]) {
    const v = config[k];
    if (v && (TIERS as readonly string[]).includes(v)) return { tier: v as Tier, source: `config ${k}` };
  }
  if ((TIERS as readonly string[]).includes(stack)) return { tier: stack as Tier, source: "stack name" };
  // Unknown tier: be strict rather than let a violation through.
  return { tier: "prod", source: "unknown (treated as prod: mandatory policies)" };
}

function enforcementOf(tier: Tier, config: Record<string, string>): EnforcementLevel {
  const v = config[`${CONFIG_NAMESPACE}:policyEnforcement`];
  if (tier !== "prod" && v && (ENFORCEMENT_LEVELS as readonly string[]).includes(v)) return v as EnforcementLevel;
  return TIER_DEFAULTS[tier].policyEnforcement;
}

/**
 * Runs a program for a stack under the mock engine and evaluates the policy pack over the graph.
 * Fails closed: an exception the program throws outside the run (a timer, a callback) at any
 * point of the plan is a PlanError, never a clean result followed by a crash.
 */
export async function plan(opts: PlanOptions): Promise<PlanResult> {
  const stray: unknown[] = [];
  const onStray = (err: unknown) => void stray.push(err);
  process.on("uncaughtException", onStray);
  try {
    const result = await planProgram(opts);
    if (stray.length > 0) throw strayError(stray);
    return result;
  } catch (err) {
    throw stray.length > 0 ? strayError(stray) : err;
  } finally {
    process.off("uncaughtException", onStray);
  }
}

function strayError(errors: readonly unknown[]): PlanError {
  const first = errors[0];
  const message = first instanceof Error ? first.message : String(first);
  return new PlanError(`the program threw outside its run (in a timer or callback): ${message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ""}`);
}

async function planProgram(opts: PlanOptions): Promise<PlanResult> {
  const dir = path.resolve(opts.programDir ?? PLATFORM_ROOT);
  const stackFile = loadStackConfig(dir, opts.stack);
  // The runtime, the entry, the working directory and the type-check, as Pulumi's Node.js runtime does them.
  let program;
  try {
    program = prepareProgram(dir, stackFile, opts);
  } catch (err) {
    throw err instanceof ProgramSetupError ? new PlanError(err.message) : err;
  }
  const entry = program.entry;
  const { tier, source } = tierOf(opts.stack, stackFile.project, stackFile.config);
  const enforcement = enforcementOf(tier, stackFile.config);
  const preview = opts.preview ?? false;
  const mocks = opts.mocksFile ? mocksFromFile(opts.mocksFile) : {};
  let run;
  try {
    opts.onProgress?.(`running ${path.relative(process.cwd(), entry) || entry} under the mock engine`);
    run = await inDirectory(program.cwd, () => runWithMocks(program.run, {
      project: stackFile.project,
      stack: opts.stack,
      config: stackFile.config,
      secretKeys: stackFile.secretKeys,
      preview,
      timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      ...mocks,
    }));
  } catch (err) {
    // A bad config, or an SDK the mock engine was not written against: nothing of the program ran.
    if (err instanceof ConfigError || (err as Error)?.name === "ConfigError" || (err as Error)?.name === "SdkVersionError") throw new PlanError((err as Error).message);
    if ((err as Error)?.name === "PendingWorkError") throw new PlanError((err as Error).message);
    // The plan's warnings often explain the failure (a provider major the program was not written for).
    const warnings = program.warnings.map((w) => `\nwarning: ${w}`).join("");
    throw new PlanError(`the program failed: ${describeProgramError(err, dir, opts.verbose)}${warnings}`);
  }
  opts.onProgress?.(`evaluating the policy pack over ${run.resources.length} resources`);
  const evaluation = await evaluatePolicies(run.resources, { enforcementLevel: enforcement, valueOrigins: valueOriginsOf(stackFile, run.invokes) });
  const mandatory = evaluation.violations.filter((v) => v.enforcementLevel === "mandatory").length;
  return {
    mocked: true,
    stack: opts.stack,
    project: stackFile.project,
    program: path.relative(process.cwd(), entry) || entry,
    tier,
    tierSource: source,
    enforcement,
    preview,
    resources: run.resources,
    outputs: maskSecrets(run.stackOutputs, run.secretOutputs),
    secretOutputs: run.secretOutputs,
    logs: run.logs,
    warnings: [...program.warnings],
    unverified: run.resources.filter((r) => r.unverified).map((r) => ({ urn: r.urn, type: r.type, name: r.name, reason: r.unverified ?? "" })),
    allowed: { unverified: opts.allowUnverified ?? false, indeterminate: opts.allowIndeterminate ?? false },
    policy: {
      policiesRun: evaluation.policiesRun,
      violations: evaluation.violations,
      indeterminate: evaluation.indeterminate,
      mandatory,
      advisory: evaluation.violations.length - mandatory,
    },
  };
}

/** Where the plan's values came from, for the plaintext-secret policies: config (secret or not) and invoke results. */
function valueOriginsOf(stackFile: { config: Record<string, string>; secretKeys: string[] }, invokes: readonly InvokeRecord[]): ValueOrigins {
  const secret = new Set(stackFile.secretKeys);
  const strings = (v: unknown, into: string[]): string[] => {
    if (typeof v === "string" && v !== "") into.push(v);
    else if (Array.isArray(v)) v.forEach((x) => strings(x, into));
    else if (v !== null && typeof v === "object") Object.values(v).forEach((x) => strings(x, into));
    return into;
  };
  return {
    secretConfig: Object.entries(stackFile.config).filter(([k]) => secret.has(k)).map(([, v]) => v),
    plainConfig: Object.fromEntries(Object.entries(stackFile.config).filter(([k]) => !secret.has(k))),
    invokeResults: invokes.flatMap((i) => strings(i.result, [])),
  };
}

/** The `--mocks` file as runWithMocks options (invokes, stackReferences); a bad file is a PlanError. */
function mocksFromFile(file: string): ReturnType<typeof mocksOptions> {
  try {
    return mocksOptions(loadMocksFile(file));
  } catch (err) {
    throw err instanceof MocksFileError ? new PlanError(err.message) : err;
  }
}

/** Stack outputs as the user may see them: secret ones masked, as `pulumi stack output` does. */
function maskSecrets(outputs: Record<string, unknown>, secret: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, secret.includes(k) ? "[secret]" : v]));
}

/** Why a mandatory plan fails besides violations: unverified components, checks that could not run. */
export function gateFailures(result: PlanResult): string[] {
  if (result.enforcement !== "mandatory") return [];
  const out: string[] = [];
  if (!result.allowed.unverified && result.unverified.length > 0) out.push(`${result.unverified.length} unverified component(s) (allow with --allow-unverified)`);
  if (!result.allowed.indeterminate && result.policy.indeterminate.length > 0) out.push(`${result.policy.indeterminate.length} check(s) that could not run in preview (allow with --allow-indeterminate)`);
  return out;
}

/** 0 clean, 1 when a mandatory policy is violated or the mandatory gate saw what it could not verify. */
export function exitCodeOf(result: PlanResult): number {
  return result.policy.mandatory > 0 || gateFailures(result).length > 0 ? 1 : 0;
}
