import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { BACKENDS, TIERS, type Backend } from "../platform";
import type { PlatformComponentArgs, ResolvedBase } from "../component";
import { protectByDefault } from "../component";
import { dotted, show } from "./issues";
import { resolveSettings, settingsKeys, type SettingsSpec } from "./settings";

/** What an implementation builds: the component's outputs and its native resources. */
export interface Built<O, N> {
  outputs: O;
  native: N;
}

/** One implementation of a component: a backend's build function. */
export interface Implementation<R, O, N> {
  build(parent: pulumi.ComponentResource, name: string, resolved: R): Built<O, N>;
}

/**
 * The implementations of a component, keyed by backend and engine
 * (`{ aws: { msk, kinesis }, gcp: { pubsub } }`): the choice is data, not a switch. Each entry
 * is a loader, so a stack loads only the SDK of the implementation it uses.
 */
export type ImplementationTable<R, O, NM extends NativeMap> = {
  readonly [B in Backend]?: Readonly<Record<string, () => Implementation<R, O, NonNullable<NM[B]>>>>;
};

/** Native resources per backend; only the active backend's entry is set. */
export type NativeMap = Partial<Record<Backend, unknown>>;

/** Everything that makes a component, declared once. */
export interface ComponentDefinition<S extends z.ZodObject, C, W, R, O extends object, NM extends NativeMap> {
  /** `mlops:<module>:<Noun>`. */
  type: string;
  settings: SettingsSpec<S, C>;
  /** Checks the wiring args (placement, keys, other components' outputs); throws through `fail`. */
  validateWiring?(args: W & PlatformComponentArgs, fail: (input: string, value: unknown, allowed: string) => never, component: pulumi.Resource): void;
  /** The completed settings plus the wiring: what the implementation builds from. Pure. */
  resolve(settings: C, base: ResolvedBase, args: W & PlatformComponentArgs): R;
  /** The engine key in the implementation table. */
  engine(resolved: R): string;
  implementations: ImplementationTable<R, O, NM>;
  /** Outputs that are always secret (passwords, tokens, connection strings). */
  secretOutputs?: readonly (keyof O)[];
}

/** A component's args: the shared ones, its settings (flat), its wiring. */
export type ComponentArgs<S extends z.ZodObject, W> = PlatformComponentArgs & z.input<S> & W;

/** A ResourceError naming the input, its value and what is allowed. */
export function argError(component: pulumi.Resource, input: string, value: unknown, allowed: string): pulumi.ResourceError {
  // A missing input reads "placement.gcp is required when backend is "gcp"", not "(missing) is not allowed".
  if (value === undefined) return new pulumi.ResourceError(`${input} ${allowed.startsWith("is ") ? allowed : `is required; ${allowed}`}`, component);
  return new pulumi.ResourceError(`${input}: ${show(value)} is not allowed; ${allowed}`, component);
}

/**
 * The base class of every platform component. The constructor validates (shared args, settings
 * with the same schema and rules as the stack config, wiring), completes the settings, picks the
 * implementation by backend and engine, builds it, and registers the outputs once; subclasses
 * only declare their output fields (`declare readonly host: pulumi.Output<string>`).
 */
export abstract class PlatformComponent<O extends object, NM extends NativeMap> extends pulumi.ComponentResource {
  /** Escape hatch to the native resources of the active backend, read-only. */
  public readonly native: Readonly<NM>;

  protected constructor(
    definition: ComponentDefinition<z.ZodObject, unknown, unknown, unknown, O, NM>,
    name: string,
    args: PlatformComponentArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super(definition.type, name, {}, opts);
    const resolved = resolveArgs(this, definition, args);
    const backend = args.backend;
    const engine = definition.engine(resolved);
    const engines = definition.implementations[backend] ?? {};
    const load = engines[engine];
    if (!load) {
      const available = Object.keys(engines);
      throw argError(this, "backend", `${backend}/${engine}`, available.length > 0 ? `on ${backend} use one of ${available.map((e) => `"${e}"`).join(", ")}` : `${definition.type} has no implementation on ${backend}`);
    }
    const built = load().build(this, name, resolved);
    const outputs = { ...built.outputs } as Record<string, unknown>;
    for (const key of definition.secretOutputs ?? []) outputs[key as string] = pulumi.secret(outputs[key as string] as pulumi.Input<unknown>);
    Object.assign(this, outputs);
    this.native = Object.freeze({ [backend]: built.native } as NM);
    this.registerOutputs(outputs);
  }
}

/** Validates and resolves a component's args; every error is a ResourceError that names the input. */
export function resolveArgs<C, W, R>(
  component: pulumi.Resource,
  definition: Pick<ComponentDefinition<z.ZodObject, C, W, R, object, NativeMap>, "settings" | "validateWiring" | "resolve">,
  args: PlatformComponentArgs,
): R {
  if (!(BACKENDS as readonly unknown[]).includes(args.backend)) throw argError(component, "backend", args.backend, `use one of ${BACKENDS.map((b) => `"${b}"`).join(", ")}`);
  if (!(TIERS as readonly unknown[]).includes(args.tier)) throw argError(component, "tier", args.tier, `use one of ${TIERS.map((t) => `"${t}"`).join(", ")}`);
  const given: Record<string, unknown> = {};
  for (const key of settingsKeys(definition.settings)) {
    const v = (args as unknown as Record<string, unknown>)[key];
    if (v !== undefined) given[key] = v;
  }
  const result = resolveSettings(definition.settings, given, { backend: args.backend, tier: args.tier });
  if (!result.ok) {
    throw new pulumi.ResourceError(result.issues.map((i) => `${dotted(i.path)}: ${i.message}`).join("\n"), component);
  }
  const fail = (input: string, value: unknown, allowed: string): never => {
    throw argError(component, input, value, allowed);
  };
  definition.validateWiring?.(args as W & PlatformComponentArgs, fail, component);
  const base: ResolvedBase = { backend: args.backend, tier: args.tier, tags: { ...args.tags }, placement: args.placement, protect: args.protect ?? protectByDefault(args.tier) };
  return definition.resolve(result.value, base, args as W & PlatformComponentArgs);
}
