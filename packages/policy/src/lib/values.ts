import { UnknownValueError } from "@pulumi/policy";

/** Marker {@link peek} returns for a value that is unknown until the update runs (`pulumi preview`). */
export const UNKNOWN: unique symbol = Symbol("unknown during preview");

/** A value read from resource properties, or {@link UNKNOWN}. */
export type Peeked<T> = T | typeof UNKNOWN;

/**
 * Reads a property through CrossGuard's unknown-checking proxy without aborting the policy:
 * an access to a value that is unknown during preview returns {@link UNKNOWN} instead of
 * throwing `UnknownValueError`. Stack policies use it so that one unknown value does not stop
 * the check for every other resource; resource policies let the error propagate, and the
 * analyzer turns it into a "can't run during preview" note instead of a violation.
 */
export function peek<T>(read: () => T): Peeked<T> {
  try {
    return read();
  } catch (err) {
    if (err instanceof UnknownValueError) return UNKNOWN;
    throw err;
  }
}

/** True for plain objects (and CrossGuard's proxies of them), false for arrays and primitives. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The property `key` of `value` when `value` is an object, read safely; `undefined` otherwise. */
export function field(value: unknown, key: string): Peeked<unknown> {
  return isRecord(value) ? peek(() => value[key]) : undefined;
}

/** The elements of `value` when it is an array, each read safely; `[]` when it is not an array. */
export function elements(value: unknown): Peeked<unknown>[] {
  if (!Array.isArray(value)) return [];
  const out: Peeked<unknown>[] = [];
  for (let i = 0; i < value.length; i++) out.push(peek(() => value[i] as unknown));
  return out;
}

/** Follows `path` from `root`; {@link UNKNOWN} as soon as a step is unknown, `undefined` when a step is missing. */
export function dig(root: unknown, ...path: string[]): Peeked<unknown> {
  let current: unknown = root;
  for (const key of path) {
    const next = field(current, key);
    if (next === UNKNOWN) return UNKNOWN;
    current = next;
  }
  return current;
}

/** The known strings among `values` (unknown and non-string entries dropped). */
export function knownStrings(values: readonly Peeked<unknown>[]): string[] {
  return values.filter((v): v is string => typeof v === "string" && v !== "");
}

/**
 * True when `read()` gives a non-empty value, or a value unknown during preview: the output of a
 * resource created in the same update (a KMS key's ARN, a web ACL's ARN), which is set once it
 * exists. Policies that only ask "is a key named?" use it so that a key created alongside the
 * resource does not make them indeterminate in preview.
 */
export function isSetOrPending(read: () => unknown): boolean {
  const value = peek(read);
  return value === UNKNOWN || (value !== undefined && value !== null && value !== "" && value !== false);
}
