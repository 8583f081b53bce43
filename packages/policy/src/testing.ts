/**
 * Test helpers (not part of the build): concise PlannedResource builders and a runner that
 * evaluates ONE policy through the real analyzer path (`evaluatePolicies`).
 */
import fs from "node:fs";
import path from "node:path";
import { UNKNOWN_VALUE } from "./analyzer/encode";
import { evaluatePolicies } from "./evaluate";
import type { EvaluationResult, PlannedResource } from "./types";

/** A value unknown during preview, as the engine sends it. */
export const unknown = UNKNOWN_VALUE;

/** A planned custom resource; the URN is built from type and name, everything else defaults. */
export function res(type: string, name: string, inputs: Record<string, unknown> = {}, extra: Partial<PlannedResource> = {}): PlannedResource {
  return {
    type,
    name,
    urn: `urn:pulumi:test::mlops-platform::${type}::${name}`,
    dependencies: [],
    inputs,
    secretPaths: [],
    protect: false,
    custom: true,
    ...extra,
  };
}

/** `r` depending on `deps` through its input `property` (property dependency and plain dependency). */
export function via(r: PlannedResource, property: string, ...deps: PlannedResource[]): PlannedResource {
  const urns = deps.map((d) => d.urn);
  return {
    ...r,
    dependencies: [...new Set([...r.dependencies, ...urns])],
    propertyDependencies: { ...(r.propertyDependencies ?? {}), [property]: urns },
  };
}

/** `r` depending on `deps` without property dependencies (a graph recorded without them). */
export function dependsOn(r: PlannedResource, ...deps: PlannedResource[]): PlannedResource {
  return { ...r, dependencies: [...new Set([...r.dependencies, ...deps.map((d) => d.urn)])] };
}

/** `r` as a child of `parent`. */
export function childOf(parent: PlannedResource, r: PlannedResource): PlannedResource {
  return { ...r, parent: parent.urn };
}

/** Evaluates only `policyName` (mandatory), every other policy disabled. */
export function runPolicy(policyName: string, resources: PlannedResource[]): Promise<EvaluationResult> {
  return evaluatePolicies(resources, { enforcementLevel: "disabled", overrides: { [policyName]: "mandatory" } });
}

/** The violation messages of `policyName` over `resources`. */
export async function violations(policyName: string, resources: PlannedResource[]): Promise<string[]> {
  return (await runPolicy(policyName, resources)).violations.map((v) => v.message);
}

/** The names of the resources `policyName` flags. */
export async function flagged(policyName: string, resources: PlannedResource[]): Promise<string[]> {
  return (await runPolicy(policyName, resources)).violations.map((v) => v.resourceName ?? "?");
}

/**
 * Runs every `*.spec.ts` under `dir` (a vendor folder) inside the calling jest suite. Each
 * service folder keeps its own spec file, a describe block per policy; running them as one suite
 * per vendor loads `@pulumi/policy` and the analyzer once per vendor instead of once per folder
 * (about a second each).
 */
export function runSpecs(dir: string): void {
  const specs = (fs.readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[]).filter((f) => f.endsWith(".spec.ts")).sort();
  if (specs.length === 0) throw new Error(`no *.spec.ts under ${dir}`);
  for (const spec of specs) require(path.join(dir, spec));
}
