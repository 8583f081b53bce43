import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Which inputs are secret, for the plaintext-secret policies.
 *
 * The engine sends secret inputs to a policy pack wrapped in Pulumi's secret signature, but
 * `@pulumi/policy` (1.21) unwraps them before a policy sees `props` (only remediations keep the
 * wrapper), so a policy cannot ask "is this value secret?". Two sources fill the gap:
 *
 * - the offline plan knows exactly which inputs were secret (`PlannedResource.secretPaths`);
 *   `evaluatePolicies` runs the analyzer inside {@link withSecretPaths}, and the policies read
 *   the answer from this async context;
 * - under `pulumi preview --policy-pack`, the entry file registers the stack's config values
 *   ({@link useStackConfigValues}); an input equal to one came from stack config, not from a
 *   literal in the program (the pack cannot tell whether that key was set with `--secret`).
 */
const secretPathsContext = new AsyncLocalStorage<ReadonlyMap<string, readonly (readonly string[])[]>>();
const originsContext = new AsyncLocalStorage<ValueOrigins>();

/**
 * Where the plan's values came from, as only the offline plan knows: the provider SDKs mark
 * inputs such as `password` secret themselves, so "is it secret?" cannot tell a literal in the
 * source from a value read with `config.requireSecret`. These sources can.
 */
export interface ValueOrigins {
  /** Values of the stack's secret config keys (in the offline plan: the placeholder they read as). */
  secretConfig: readonly string[];
  /** The stack's plain (not secret) config values, by full key (`app:dbPassword`). */
  plainConfig: Readonly<Record<string, string>>;
  /** String values that provider functions (invokes) returned: a secret read from a store. */
  invokeResults: readonly string[];
}

/** Runs `fn` with the plan's value origins known to the plaintext-secret policies. */
export function withValueOrigins<T>(origins: ValueOrigins, fn: () => Promise<T>): Promise<T> {
  return originsContext.run(origins, fn);
}

/** The value origins of the plan being evaluated; `undefined` under the CrossGuard CLI. */
export function valueOrigins(): ValueOrigins | undefined {
  return originsContext.getStore();
}
let stackConfigValues: ReadonlySet<string> = new Set();

/** Runs `fn` with the exact secret input paths per URN known to the policies. */
export function withSecretPaths<T>(paths: ReadonlyMap<string, readonly (readonly string[])[]>, fn: () => Promise<T>): Promise<T> {
  return secretPathsContext.run(paths, fn);
}

/** Registers the stack's config values (the pack's entry file does this from `PULUMI_CONFIG`). */
export function useStackConfigValues(values: Iterable<string>): void {
  stackConfigValues = new Set([...values].filter((v) => v.length > 0));
}

/**
 * Whether the input at `path` of resource `urn` is secret: `true` or `false` when the caller
 * told us (offline plan), `undefined` when nobody can tell (CrossGuard CLI). A secret path
 * covers everything below it (`stringData` covers `stringData.password`).
 */
export function isSecretInput(urn: string, path: readonly string[]): boolean | undefined {
  const known = secretPathsContext.getStore();
  if (!known) return undefined;
  const paths = known.get(urn) ?? [];
  return paths.some((p) => p.length <= path.length && p.every((seg, i) => seg === path[i]));
}

/**
 * Whether `value` (or its base64 decoding, for Kubernetes Secret `data`) equals one of the
 * stack's config values registered by the pack's entry file.
 */
export function isStackConfigValue(value: string): boolean {
  if (stackConfigValues.size === 0) return false;
  return stackConfigValues.has(value) || stackConfigValues.has(Buffer.from(value, "base64").toString("utf8"));
}
