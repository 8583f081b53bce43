import * as pulumi from "@pulumi/pulumi";

/** Pulumi's wire value for "unknown during preview" (the engine sends it for every computed value). */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** How @mlops/testing records a value unknown during preview (its `UNKNOWN`). */
export const RECORDED_UNKNOWN = "<unknown>";
/** Key of the signature that marks special values (secrets, resource references, assets). */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_REFERENCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

/** A property path as a list of keys / array indexes. */
export type Path = readonly string[];

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/**
 * Resolves a dotted secret path against the inputs it describes, so that keys containing dots
 * (`stringData.tls.crt` → `["stringData", "tls.crt"]`) are found; at each level the longest
 * existing key wins. Paths that lead nowhere are split on every dot.
 */
export function resolvePath(root: unknown, dotted: string): string[] {
  const segments = dotted.split(".");
  const walk = (node: unknown, i: number): string[] | undefined => {
    if (i === segments.length) return [];
    if (Array.isArray(node)) {
      const index = segments[i] ?? "";
      if (!/^\d+$/.test(index) || Number(index) >= node.length) return undefined;
      const rest = walk(node[Number(index)], i + 1);
      return rest && [index, ...rest];
    }
    if (typeof node !== "object" || node === null) return undefined;
    const obj = node as Record<string, unknown>;
    for (let end = segments.length; end > i; end--) {
      const key = segments.slice(i, end).join(".");
      if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
      const rest = walk(obj[key], end);
      if (rest) return [key, ...rest];
    }
    return undefined;
  };
  return walk(root, 0) ?? segments;
}

/** The paths at which `inputs` holds values wrapped in Pulumi's secret signature. */
export function wrappedSecretPaths(value: unknown, path: string[] = []): string[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => wrappedSecretPaths(v, [...path, String(i)]));
  if (typeof value !== "object" || value === null) return [];
  const obj = value as Record<string, unknown>;
  if (obj[SIG_KEY] === SECRET_SIG) return [path];
  return Object.entries(obj).flatMap(([k, v]) => wrappedSecretPaths(v, [...path, k]));
}

const pathKey = (path: Path): string => JSON.stringify(path);

/**
 * Turns recorded inputs into the property bag the engine sends an analyzer (`MarshalProperties`
 * with KeepUnknowns and KeepSecrets): unknown values become the unknown sentinel, values at
 * `secretPaths` are wrapped in the secret signature, resource references become their id (or
 * URN for components), `undefined` keys are dropped. Anything that is not JSON (an Output, a
 * Resource, an Asset) becomes unknown: a policy must not judge a value it cannot see.
 */
export function encodeProperties(inputs: Record<string, unknown>, secretPaths: readonly Path[]): Record<string, unknown> {
  const secrets = new Set(secretPaths.map(pathKey));
  const encode = (value: unknown, path: string[]): unknown => {
    const encoded = encodeValue(value, path);
    return secrets.has(pathKey(path)) && encoded !== undefined ? { [SIG_KEY]: SECRET_SIG, value: encoded } : encoded;
  };
  const encodeValue = (value: unknown, path: string[]): unknown => {
    if (value === undefined) return undefined;
    if (value === RECORDED_UNKNOWN) return UNKNOWN_VALUE;
    if (value === null || typeof value === "boolean" || typeof value === "string") return value;
    if (typeof value === "number") return Number.isFinite(value) ? value : UNKNOWN_VALUE;
    if (pulumi.isUnknown(value)) return UNKNOWN_VALUE;
    if (Array.isArray(value)) return value.map((v, i) => encode(v, [...path, String(i)]) ?? null);
    if (!isPlainObject(value)) return UNKNOWN_VALUE;
    const sig = value[SIG_KEY];
    if (sig === SECRET_SIG) return encodeValue(value["value"], path);
    if (sig === RESOURCE_REFERENCE_SIG) {
      const id = value["id"];
      return typeof id === "string" && id !== "" ? id : typeof value["urn"] === "string" ? value["urn"] : UNKNOWN_VALUE;
    }
    if (sig !== undefined) return value; // assets and archives: the analyzer understands them.
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const e = encode(v, [...path, k]);
      if (e !== undefined) out[k] = e;
    }
    return out;
  };
  return (encodeValue(inputs, []) ?? {}) as Record<string, unknown>;
}
