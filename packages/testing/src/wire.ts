// The values the SDK puts on the wire (a protobuf Struct as plain JS) and back.
import * as pulumi from "@pulumi/pulumi";
import { UNKNOWN } from "./types";

const SIG = pulumi.runtime.specialSigKey;
const SECRET = pulumi.runtime.specialSecretSig;
const RESOURCE = pulumi.runtime.specialResourceSig;
const OUTPUT = pulumi.runtime.specialOutputValueSig;
const ASSET = pulumi.runtime.specialAssetSig;
const ARCHIVE = pulumi.runtime.specialArchiveSig;
const WIRE_UNKNOWN = pulumi.runtime.unknownValue;

/** A wire value is JSON-like: what `Struct.toJavaScript()` returns. */
export type Wire = unknown;

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** What {@link decode} found besides the plain value. */
export interface Decoded {
  value: Record<string, unknown>;
  secretPaths: string[];
  /** URNs named by output values (only sent when the monitor supports output values). */
  dependencies: string[];
  containsSecret: boolean;
}

/**
 * Turns a wire object into plain values: secrets unwrapped (their paths recorded), unknowns as
 * {@link UNKNOWN}, resource references as the custom resource's id (else its URN), output values
 * as their value. One pass, no copies beyond the result.
 */
export function decode(wire: Record<string, Wire> | undefined): Decoded {
  const out: Decoded = { value: {}, secretPaths: [], dependencies: [], containsSecret: false };
  if (!wire) return out;
  for (const k of Object.keys(wire)) {
    const v = wire[k];
    if (v === undefined) continue;
    out.value[k] = walk(v, k, false, out);
  }
  return out;
}

function walk(v: Wire, path: string, inSecret: boolean, ctx: Decoded): unknown {
  if (v === WIRE_UNKNOWN) return UNKNOWN;
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    const arr: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) arr[i] = walk(v[i], `${path}.${i}`, inSecret, ctx);
    return arr;
  }
  const obj = v as Record<string, Wire>;
  switch (obj[SIG]) {
    case undefined:
      break;
    case SECRET:
      ctx.containsSecret = true;
      if (!inSecret) ctx.secretPaths.push(path);
      return walk(obj["value"], path, true, ctx);
    case OUTPUT: {
      const deps = obj["dependencies"];
      if (Array.isArray(deps)) for (const d of deps) if (typeof d === "string") ctx.dependencies.push(d);
      const secret = obj["secret"] === true;
      if (secret) {
        ctx.containsSecret = true;
        if (!inSecret) ctx.secretPaths.push(path);
      }
      return "value" in obj ? walk(obj["value"], path, inSecret || secret, ctx) : UNKNOWN;
    }
    case RESOURCE: {
      const id = obj["id"];
      if (typeof id === "string") return id === "" || id === WIRE_UNKNOWN ? UNKNOWN : id;
      return obj["urn"];
    }
    case ASSET:
    case ARCHIVE: {
      const res: Record<string, unknown> = { kind: obj[SIG] === ASSET ? "asset" : "archive" };
      for (const k of Object.keys(obj)) if (k !== SIG) res[k] = walk(obj[k], `${path}.${k}`, inSecret, ctx);
      return res;
    }
    default:
      break;
  }
  const res: Record<string, unknown> = {};
  for (const k of Object.keys(obj)) {
    const x = obj[k];
    if (x !== undefined) res[k] = walk(x, `${path}.${k}`, inSecret, ctx);
  }
  return res;
}

/** Wraps a wire value as a secret. */
export function secretWire(value: Wire): Record<string, Wire> {
  return { [SIG]: SECRET, value: value === undefined ? null : value };
}

/** Whether a wire value is a secret envelope. */
export function isSecretWire(v: Wire): boolean {
  return isObject(v) && v[SIG] === SECRET;
}

/** Whether a wire value is, or contains, a secret. */
export function containsSecretWire(v: Wire): boolean {
  if (v === null || typeof v !== "object") return false;
  if (Array.isArray(v)) return v.some(containsSecretWire);
  const obj = v as Record<string, Wire>;
  if (obj[SIG] === SECRET) return true;
  if (obj[SIG] === OUTPUT && obj["secret"] === true) return true;
  return Object.keys(obj).some((k) => containsSecretWire(obj[k]));
}

/**
 * Makes a plain value safe for `Struct.fromJavaScript`: drops `undefined` object members,
 * turns `undefined` array elements into null, {@link UNKNOWN} into the wire's unknown. Copies
 * only when it must (the canned outputs are small and fresh).
 */
export function encode(v: unknown): Wire {
  if (v === UNKNOWN) return WIRE_UNKNOWN;
  if (v === undefined) return null;
  if (v === null || typeof v !== "object") return typeof v === "function" || typeof v === "symbol" || typeof v === "bigint" ? null : v;
  if (Array.isArray(v)) return v.map(encode);
  const out: Record<string, Wire> = {};
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = encode(x);
  }
  return out;
}
