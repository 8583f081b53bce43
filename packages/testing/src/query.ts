import type { RecordedResource } from "./types";

/** The resources of one type, in registration order. */
export function byType(resources: readonly RecordedResource[], type: string): RecordedResource[] {
  return resources.filter((r) => r.type === type);
}

/**
 * The one resource of `type` (and `name`, if given). Throws when there is none, listing the types
 * (or the names of that type) that do exist, and when there are several.
 */
export function one(resources: readonly RecordedResource[], type: string, name?: string): RecordedResource {
  const ofType = byType(resources, type);
  const matches = name === undefined ? ofType : ofType.filter((r) => r.name === name);
  if (matches.length === 1) return matches[0] as RecordedResource;
  const what = name === undefined ? `type ${type}` : `type ${type} named "${name}"`;
  if (matches.length > 1) throw new Error(`Expected one resource of ${what}, found ${matches.length}: ${matches.map((r) => r.urn).join(", ")}`);
  if (ofType.length > 0) throw new Error(`No resource of ${what}. Resources of that type: ${ofType.map((r) => `"${r.name}"`).join(", ")}`);
  const types = [...new Set(resources.map((r) => r.type))].sort();
  throw new Error(`No resource of ${what}. Types registered: ${types.length ? types.join(", ") : "none"}`);
}

/** The direct children of the resource with URN `urn`, in registration order. */
export function childrenOf(resources: readonly RecordedResource[], urn: string): RecordedResource[] {
  return resources.filter((r) => r.parent === urn);
}
