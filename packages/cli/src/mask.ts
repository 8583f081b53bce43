// Secret values out of what the plan prints or writes: by the engine's secret paths, then by value.
import { UNKNOWN } from "@mlops/testing";

/** What a secret value is shown as, everywhere (as `pulumi stack output` shows one). */
export const SECRET_MASK = "[secret]";

/**
 * The node under `path` and the path left to walk: keys may contain dots themselves
 * (`tls.crt`, `app.kubernetes.io/name`), so the longest key that is a prefix wins.
 */
function step(node: unknown, path: string): { key: string | number; rest: string } | undefined {
  if (Array.isArray(node)) {
    const m = /^(\d+)(?:\.|$)/.exec(path);
    if (!m || Number(m[1]) >= node.length) return undefined;
    return { key: Number(m[1]), rest: path.slice(m[0].length) };
  }
  if (node === null || typeof node !== "object") return undefined;
  let best: string | undefined;
  for (const k of Object.keys(node)) {
    if ((path === k || path.startsWith(`${k}.`)) && (best === undefined || k.length > best.length)) best = k;
  }
  return best === undefined ? undefined : { key: best, rest: path.slice(best.length + 1) };
}

function maskAt(node: unknown, path: string): unknown {
  if (path === "") return SECRET_MASK;
  const s = step(node, path);
  // A scalar where the path goes deeper (a secret inside a JSON-encoded string): the whole scalar.
  if (!s) return node !== null && typeof node !== "object" ? SECRET_MASK : node;
  if (Array.isArray(node)) {
    const copy = [...(node as unknown[])];
    copy[s.key as number] = maskAt(copy[s.key as number], s.rest);
    return copy;
  }
  const obj = node as Record<string, unknown>;
  return { ...obj, [s.key]: maskAt(obj[s.key as string], s.rest) };
}

/** A copy of `values` with everything at (and below) each dotted secret path replaced by {@link SECRET_MASK}. */
export function maskPaths(values: Record<string, unknown>, paths: readonly string[]): Record<string, unknown> {
  let out: unknown = values;
  for (const p of paths) out = maskAt(out, p);
  return out as Record<string, unknown>;
}

function leaves(node: unknown, into: Set<string>): void {
  if (typeof node === "string") {
    if (node !== "" && node !== UNKNOWN && node !== SECRET_MASK) into.add(node);
  } else if (Array.isArray(node)) {
    for (const x of node) leaves(x, into);
  } else if (node !== null && typeof node === "object") {
    for (const x of Object.values(node)) leaves(x, into);
  }
}

/** Every string under the secret paths of `values` (numbers and booleans are masked by path only): what must not appear in clear anywhere else. */
export function secretValues(values: Record<string, unknown>, paths: readonly string[], into = new Set<string>()): Set<string> {
  for (const p of paths) {
    let node: unknown = values;
    let rest = p;
    while (rest !== "") {
      const s = step(node, rest);
      if (!s) break;
      node = (node as Record<string | number, unknown>)[s.key];
      rest = s.rest;
    }
    if (rest === "") leaves(node, into);
  }
  return into;
}

/**
 * A JSON.stringify replacer that masks any string equal to a known secret, or holding one of 8
 * characters or more (a password inside a connection string): the net under the path masking,
 * for secrets that flowed somewhere without their secret mark (a modelled child, a message).
 */
export function secretReplacer(secrets: ReadonlySet<string>): (key: string, value: unknown) => unknown {
  const long = [...secrets].filter((s) => s.length >= 8);
  return (_key, value) => {
    if (typeof value !== "string" || value === SECRET_MASK) return value;
    return secrets.has(value) || long.some((s) => value.includes(s)) ? SECRET_MASK : value;
  };
}
