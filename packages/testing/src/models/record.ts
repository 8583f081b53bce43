// Turns a model's children into RecordedResources, as the engine would record the provider's
// registrations: URNs under the component's type chain, dependencies, the component's provider
// for each package, protect inherited, labelled `modelled`.
import * as pulumi from "@pulumi/pulumi";
import type { Registration } from "../transforms";
import { UNKNOWN, type RecordedResource } from "../types";
import { decode, encode } from "../wire";
import { plainOf, referencedBy, type Child } from "./types";

/** What the monitor lends the recorder. */
export interface RecordEnv {
  urnOf(parent: string, type: string, name: string): string;
  /** The URN of `type::name` under each alias URN of the parent. */
  urnUnder(parentUrn: string, type: string, name: string): string;
  /** The provider reference a child of package `pkg` uses. */
  providerFor(pkg: string): string | undefined;
  /** Takes `urn` for a child about to be recorded; false when a resource or another child already has it. */
  claim(urn: string): boolean;
  store(record: RecordedResource, wire: Record<string, unknown>): void;
  /** Runs the transforms that apply to a resource under `reg.parent` (the component's, its ancestors', the stack's); none: undefined. */
  transform(reg: Registration): Promise<Registration> | undefined;
}

const PROVIDER_PREFIX = "pulumi:providers:";

/** Records `children` of `component` in order, through the transforms that apply to them; returns their records. */
export async function recordChildren(component: RecordedResource, children: readonly Child[], env: RecordEnv): Promise<RecordedResource[]> {
  const urns = new Map<Child, string>();
  const records = new Map<Child, RecordedResource>();
  const urnOf = (c: Child): string => {
    const u = urns.get(c);
    if (!u) throw new Error(`modelled child ${c.type}::${c.name} refers to a child not registered before it`);
    return u;
  };
  const out: RecordedResource[] = [];
  const secrets = secretValuesOf(component.inputs, component.secretPaths);
  for (const child of children) {
    const parent = child.parent ? (records.get(child.parent) ?? component) : component;
    const urn = env.urnOf(parent.urn, child.type, child.name);
    if (!env.claim(urn)) {
      throw new Error(
        `Duplicate resource URN '${urn}': the ${component.type} provider would create this child for two components ` +
          `(as in a real preview); give them names or inputs that name their children apart`,
      );
    }
    urns.set(child, urn);
    const refs = referencedBy(child.inputs);
    const propertyDependencies = Object.fromEntries(Object.entries(refs).map(([k, cs]) => [k, cs.map(urnOf)]));
    const dependencies = [...new Set([...child.dependsOn.map(urnOf), ...Object.values(propertyDependencies).flat()])];
    const isProvider = child.type.startsWith(PROVIDER_PREFIX);
    const provider = isProvider ? undefined : child.provider ? `${urnOf(child.provider)}::${child.provider.id || pulumi.runtime.unknownValue}` : child.custom ? env.providerFor(child.type.split(":")[0] ?? "") : undefined;
    let inputs = plainOf(child.inputs);
    let outputs = child.custom ? child.outputs : {};
    let secretPaths = child.secretPaths;
    let opts = { protect: component.protect, retainOnDelete: false, provider, dependencies };
    // Transforms apply inside packaged components too, as the engine runs them for the provider's registrations.
    const transformed = await env.transform({ type: child.type, name: child.name, custom: child.custom, parent: parent.urn, props: encode(inputs) as Record<string, unknown>, protect: opts.protect, retainOnDelete: false, provider: provider ?? "", dependsOn: dependencies, ignoreChanges: [], additionalSecretOutputs: [] });
    // What the provider builds from a secret input stays secret (the engine tracks it through outputs).
    if (secrets.length > 0) secretPaths = [...new Set([...secretPaths, ...pathsContaining(inputs, secrets)])];
    if (transformed) {
      const decoded = decode(transformed.props);
      inputs = decoded.value;
      if (child.custom) outputs = { ...outputs, ...inputs };
      secretPaths = [...new Set([...secretPaths, ...decoded.secretPaths])];
      opts = { protect: transformed.protect, retainOnDelete: transformed.retainOnDelete, provider: transformed.provider || undefined, dependencies: [...new Set(transformed.dependsOn)] };
    }
    const aliases = (parent.aliases ?? []).map((a) => env.urnUnder(a, child.type, child.name));
    const record: RecordedResource = {
      type: child.type,
      name: child.name,
      urn,
      parent: parent.urn,
      dependencies: opts.dependencies,
      propertyDependencies,
      inputs,
      secretPaths,
      protect: opts.protect,
      retainOnDelete: opts.retainOnDelete,
      ...(opts.provider ? { provider: opts.provider } : {}),
      custom: child.custom,
      remote: false,
      ...(child.custom && child.id ? { id: child.id } : {}),
      ...(aliases.length > 0 ? { aliases } : {}),
      modelled: true,
      outputs,
    };
    env.store(record, encode(record.outputs) as Record<string, unknown>);
    records.set(child, record);
    out.push(record);
  }
  return out;
}

/** The string values (leaves) at the component's secret input paths. */
function secretValuesOf(inputs: Record<string, unknown>, paths: readonly string[]): string[] {
  const out: string[] = [];
  const leaves = (v: unknown): void => {
    if (typeof v === "string" && v.length >= 3 && v !== UNKNOWN) out.push(v);
    else if (Array.isArray(v)) v.forEach(leaves);
    else if (typeof v === "object" && v !== null) Object.values(v).forEach(leaves);
  };
  for (const p of paths) {
    let v: unknown = inputs;
    for (const key of p.split(".")) v = typeof v === "object" && v !== null ? (v as Record<string, unknown>)[key] : undefined;
    leaves(v);
  }
  return [...new Set(out)];
}

/** Dotted paths of the string leaves of `inputs` that hold one of `secrets` (verbatim or inside, e.g. a JSON string). */
function pathsContaining(inputs: Record<string, unknown>, secrets: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (typeof v === "string") {
      if (secrets.some((s) => v.includes(s))) out.push(path);
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}.${i}`));
    else if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
  };
  walk(inputs, "");
  return out;
}
