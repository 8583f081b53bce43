// The shape of a remote-component model: from the component's inputs, the children its provider
// would register (type, name, parent, inputs, dependencies) and the component's own outputs.
// Models build children with a ChildSet; the monitor turns them into RecordedResources.
import { hex } from "../ids";
import { UNKNOWN } from "../types";
import type { OutputContext } from "../outputs";

/** What a model knows about the component being registered. */
export interface ModelContext extends OutputContext {
  /** `pulumi preview`: computed values (ids, ARNs) are unknown. */
  preview: boolean;
  stack: string;
  project: string;
  /** The directory relative file inputs (`files`, `file`) are read from: the program's cwd. */
  cwd: string;
  /** The inputs of the component's provider (a kubernetes provider's `namespace`), `{}` when unknown. */
  providerInputs: Record<string, unknown>;
  /** The outputs of a resource the program already registered, by its id (a subnet's `vpcId`), if any. */
  outputsById: (id: string) => Record<string, unknown> | undefined;
}

/** What the provider would compute for a child: its id and outputs (empty in a preview). */
export type Resolve = (type: string, name: string, inputs: Record<string, unknown>) => { id: string; outputs: Record<string, unknown> };

/** A reference to a child's output (or id) inside another child's inputs: a value and a dependency. */
export interface Ref {
  readonly __ref: Child;
  readonly property: string;
}

/** One modelled child, as the provider would register it. */
export interface Child {
  type: string;
  name: string;
  /** The child it is parented to; absent: the component itself. */
  parent?: Child;
  /** Inputs; values may be {@link Ref}s to other children, resolved when recorded. */
  inputs: Record<string, unknown>;
  /** False for nested components (`eks:index:ServiceRole`, `awsx:ecs:FargateTaskDefinition`). */
  custom: boolean;
  dependsOn: Child[];
  /** Dotted input paths the provider marks secret (a yaml v2 Secret's `data`, `stringData`). */
  secretPaths: string[];
  /** A child provider resource this child uses (eks's kubernetes provider); default: the component's for the package. */
  provider?: Child;
  /** Filled by {@link ChildSet.add}: the id the provider would assign ("" in a preview). */
  id: string;
  /** Filled by {@link ChildSet.add}: inputs merged with computed outputs (known values only). */
  outputs: Record<string, unknown>;
}

/** Options of {@link ChildSet.add}. */
export interface AddOptions {
  parent?: Child;
  dependsOn?: Child[];
  custom?: boolean;
  secretPaths?: string[];
  provider?: Child;
  /** The provider's id for this type, where the generic canned one is not what AWS returns (`igw-...`). */
  id?: string;
  /** Computed outputs the canned table does not know (`allocationId` of an EIP): only outside a preview. */
  computed?: (id: string) => Record<string, unknown>;
}

/** Thrown by a model that cannot know the children from these inputs: the component is unverified. */
export class Unmodellable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "Unmodellable";
  }
}

/** The children a model builds, in registration order, with their ids and outputs resolved as they are added. */
export class ChildSet {
  readonly children: Child[] = [];

  constructor(
    readonly ctx: ModelContext,
    private readonly resolve: Resolve,
  ) {}

  /** Registers a child: its inputs' references are resolved to values (unknown in a preview). */
  add(type: string, name: string, inputs: Record<string, unknown>, opts: AddOptions = {}): Child {
    const child: Child = {
      type,
      name,
      ...(opts.parent ? { parent: opts.parent } : {}),
      inputs: stripUndefined(inputs),
      custom: opts.custom ?? true,
      dependsOn: opts.dependsOn ?? [],
      secretPaths: opts.secretPaths ?? [],
      ...(opts.provider ? { provider: opts.provider } : {}),
      id: "",
      outputs: {},
    };
    if (child.custom) {
      const answer = this.resolve(type, name, plainOf(child.inputs));
      child.id = answer.id && opts.id ? opts.id : answer.id;
      child.outputs = answer.id && opts.computed ? { ...answer.outputs, ...opts.computed(child.id) } : answer.outputs;
    }
    this.children.push(child);
    return child;
  }

  /** `n` hex digits derived from `s`, for provider ids the canned table does not shape (`igw-...`). */
  hex(s: string, n: number): string {
    return hex(`${this.ctx.type}/${this.ctx.name}/${s}`, n);
  }

  /** A reference to `child`'s output `property` (default: its id). */
  ref(child: Child, property = "id"): Ref {
    return { __ref: child, property };
  }

  /** The value of `child`'s output `property` now: known outside a preview, else {@link UNKNOWN}. */
  value(child: Child, property = "id"): unknown {
    return valueOf({ __ref: child, property });
  }
}

export function isRef(v: unknown): v is Ref {
  return typeof v === "object" && v !== null && "__ref" in v;
}

/** A reference's value: the child's id or output, {@link UNKNOWN} when not known (a preview). */
export function valueOf(r: Ref): unknown {
  const child = r.__ref;
  const v = r.property === "id" ? child.id : child.outputs[r.property];
  return v === undefined || v === "" ? UNKNOWN : v;
}

/** Inputs with references replaced by their values. */
export function plainOf(inputs: Record<string, unknown>): Record<string, unknown> {
  return walk(inputs) as Record<string, unknown>;
}

function walk(v: unknown): unknown {
  if (isRef(v)) return valueOf(v);
  if (Array.isArray(v)) return v.map(walk);
  if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
  return v;
}

/** The children each top-level input refers to. */
export function referencedBy(inputs: Record<string, unknown>): Record<string, Child[]> {
  const out: Record<string, Child[]> = {};
  const collect = (v: unknown, into: Child[]): void => {
    if (isRef(v)) into.push(v.__ref);
    else if (Array.isArray(v)) v.forEach((x) => collect(x, into));
    else if (typeof v === "object" && v !== null) Object.values(v).forEach((x) => collect(x, into));
  };
  for (const [k, v] of Object.entries(inputs)) {
    const refs: Child[] = [];
    collect(v, refs);
    if (refs.length > 0) out[k] = [...new Set(refs)];
  }
  return out;
}

/** Drops `undefined` members (recursively), as the SDK does when it serialises inputs. */
export function stripUndefined(v: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined) continue;
    out[k] = isPlainObject(x) ? stripUndefined(x) : Array.isArray(x) ? x.map((e) => (isPlainObject(e) ? stripUndefined(e) : e)) : x;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !isRef(v);
}

/** A model of one remote component type. */
export interface ComponentModel {
  /** Why this model exists, for docs and the report: what it records. */
  summary: string;
  /**
   * Builds the children into `set` and returns the component's outputs (derived from the
   * children, so they agree). Throws {@link Unmodellable} when the inputs do not determine them.
   */
  build(set: ChildSet): Record<string, unknown>;
}

// ---- small input readers shared by the models -------------------------------------------------

export const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" && v !== UNKNOWN ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
export const bool = (v: unknown): boolean | undefined => (typeof v === "boolean" ? v : undefined);
export const obj = (v: unknown): Record<string, unknown> | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
export const arr = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : undefined);
export const tagsOf = (v: unknown): Record<string, unknown> => obj(v) ?? {};

/** Fails the model when an input it needs to decide which children exist is unknown (a preview). */
export function known(value: unknown, input: string): void {
  if (value === UNKNOWN || (typeof value === "object" && value !== null && JSON.stringify(value).includes(JSON.stringify(UNKNOWN)))) throw new Unmodellable(`its input '${input}' is unknown in a preview, so the children it decides are unknown too`);
}
