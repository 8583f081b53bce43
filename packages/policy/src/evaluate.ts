import type { EnforcementLevel as CrossGuardLevel, Policies, ResourceValidationPolicy } from "@pulumi/policy";
import type { EnforcementLevel } from "@mlops/core";
import { resolvePath, wrappedSecretPaths, type Path } from "./analyzer/encode";
import { analyzeRequest, analyzeStackRequest, type Graph } from "./analyzer/requests";
import { createAnalyzer, proto, type AnalyzeResponse } from "./analyzer/server";
import { withSecretPaths, withValueOrigins } from "./lib/secrets";
import { PACK_NAME, PACK_VERSION } from "./meta";
import { policies } from "./policies";
import type { EvaluateOptions, EvaluationResult, PlannedResource, PolicyViolation } from "./types";

const LEVELS: Readonly<Record<number, PolicyViolation["enforcementLevel"]>> = {
  [proto.EnforcementLevel.ADVISORY]: "advisory",
  [proto.EnforcementLevel.MANDATORY]: "mandatory",
  [proto.EnforcementLevel.REMEDIATE]: "remediate",
};

/** The analyzer's note for a check that read a value unknown during preview. */
const PREVIEW_NOTE = /^can't run policy '.*' from policy pack '.*' during preview: /;

/** The policy list with per-policy overrides applied (what `--policy-pack-config` does). */
function withOverrides(overrides: Readonly<Record<string, EnforcementLevel>>): Policies {
  const known = new Set(policies.map((p) => p.name));
  const unknown = Object.keys(overrides).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`unknown policy name(s) in overrides: ${unknown.join(", ")}; the pack has: ${[...known].join(", ")}`);
  }
  return policies.map((p) => {
    const level = overrides[p.name];
    return level ? { ...p, enforcementLevel: level satisfies CrossGuardLevel } : p;
  });
}

/** A validation's type token, as `validateResourceOfType` / `validateTypeToken` attach it. */
const typeOf = (v: unknown): string | undefined => (v as { __pulumiType?: string }).__pulumiType;

/**
 * One analyzer per resource type, holding only the resource policies that can apply to it (one
 * of their validations is for that type or for any type). `@pulumi/policy` converts a
 * resource's protobuf properties again for every validation it calls, and skips a policy early
 * only when it has a single typed validation: with 140 policies, most with several typed
 * validations, that conversion was most of the evaluation. The violations are the same.
 */
function analyzersByType<A>(all: Policies, create: (subset: Policies) => A): (type: string) => A {
  const cache = new Map<string, A>();
  return (type) => {
    let analyzer = cache.get(type);
    if (!analyzer) {
      const subset = all.filter((p) => {
        if (!isResourcePolicy(p)) return false;
        const validations = Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource];
        return validations.some((v) => typeOf(v) === undefined || typeOf(v) === type);
      });
      analyzer = create(subset);
      cache.set(type, analyzer);
    }
    return analyzer;
  };
}

const isResourcePolicy = (p: Policies[number]): p is ResourceValidationPolicy => "validateResource" in p && p.validateResource !== undefined;

/**
 * A remote component as the engine shows it to a policy pack: without inputs once its children
 * exist (the provider constructs them; the pack judges those), so a rule that also reads the
 * component's inputs (`eks.Cluster`'s `endpointPublicAccess`) does not report twice. An
 * unverified component keeps its inputs: they are all a policy can judge.
 */
function asEngineSeesIt(r: PlannedResource, modelledParents: ReadonlySet<string | undefined>): PlannedResource {
  return r.remote && modelledParents.has(r.urn) ? { ...r, inputs: {}, secretPaths: [] } : r;
}

/** Secret paths per URN: the recorded dotted paths resolved against the inputs, plus wrapped secrets. */
function secretPathsOf(resources: readonly PlannedResource[]): Map<string, Path[]> {
  return new Map(
    resources.map((r) => [r.urn, [...r.secretPaths.map((p) => resolvePath(r.inputs, p)), ...wrappedSecretPaths(r.inputs)]]),
  );
}

/** Turns the analyzer's diagnostics into violations (and preview notes), attributed to resources. */
function collect(response: AnalyzeResponse, graph: Graph, fallbackUrn: string | undefined, into: EvaluationResult): void {
  for (const d of response.getDiagnosticsList()) {
    const urn = d.getUrn() || fallbackUrn;
    const resource = urn ? graph.byUrn.get(urn) : undefined;
    const description = d.getDescription();
    const raw = d.getMessage();
    const violation: PolicyViolation = {
      policyName: d.getPolicyname(),
      enforcementLevel: LEVELS[d.getEnforcementlevel()] ?? "advisory",
      message: raw.startsWith(`${description}\n`) ? raw.slice(description.length + 1) : raw,
      description,
      ...(urn ? { urn } : {}),
      ...(resource ? { resourceType: resource.type, resourceName: resource.name } : {}),
    };
    (PREVIEW_NOTE.test(raw) ? into.indeterminate : into.violations).push(violation);
  }
}

/**
 * Evaluates the policy pack over a planned stack, in-process, through `@pulumi/policy`'s own
 * analyzer: one `analyze` call per resource (its inputs, before it is created) and one
 * `analyzeStack` call for the whole graph (outputs, parents, dependencies, providers), as
 * the engine does during `pulumi preview --policy-pack`. No gRPC server is started.
 *
 * @param resources the planned stack, e.g. the offline plan's recorded graph.
 * @param opts the pack's enforcement level and per-policy overrides.
 * @returns the violations, the policies that ran, and the checks that could not run (preview).
 */
export async function evaluatePolicies(resources: readonly PlannedResource[], opts: EvaluateOptions): Promise<EvaluationResult> {
  const overrides = opts.overrides ?? {};
  const effective = withOverrides(overrides);
  const result: EvaluationResult = {
    violations: [],
    indeterminate: [],
    policiesRun: policies.filter((p) => (overrides[p.name] ?? opts.enforcementLevel) !== "disabled").map((p) => p.name),
  };
  if (result.policiesRun.length === 0) return result;
  const modelledParents = new Set(resources.filter((r) => r.modelled && r.parent).map((r) => r.parent));
  const graph: Graph = { byUrn: new Map(resources.map((r) => [r.urn, r])), secretPaths: secretPathsOf(resources) };
  const analyzer = createAnalyzer(PACK_NAME, PACK_VERSION, opts.enforcementLevel, effective);
  const forType = analyzersByType(effective, (subset) => createAnalyzer(PACK_NAME, PACK_VERSION, opts.enforcementLevel, subset));
  // @pulumi/policy throws a NotApplicableError for every policy that does not apply to a
  // resource (thousands per plan); capturing a stack for each was a third of the evaluation.
  // Nothing reads those stacks: a policy's own failure is reported by its message.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const evaluate = () =>
      withSecretPaths(graph.secretPaths, async () => {
        // Reads (`.get`, stack references) are not the program's to create: Pulumi sends them to
        // no policy (pulumi/pulumi#3950). They stay in the graph for lookups by URN.
        const managed = resources.filter((r) => !r.read);
        for (const r of managed) collect(await forType(r.type).analyze(analyzeRequest(asEngineSeesIt(r, modelledParents), graph)), graph, r.urn, result);
        collect(await analyzer.analyzeStack(analyzeStackRequest(managed, graph)), graph, undefined, result);
      });
    await (opts.valueOrigins ? withValueOrigins(opts.valueOrigins, evaluate) : evaluate());
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  return result;
}
