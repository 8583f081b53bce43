import type { PolicyResource } from "@pulumi/policy";
import { elements, knownStrings, peek, UNKNOWN } from "./values";

/** True when `ancestor` is `resource`'s parent, grandparent, ... */
export function isAncestor(ancestor: PolicyResource, resource: PolicyResource): boolean {
  for (let p = resource.parent; p; p = p.parent) if (p.urn === ancestor.urn) return true;
  return false;
}

/**
 * True when `a` and `b` are the same resource or one is inside the other: a dependency on a
 * component (awsx `Vpc`, our `ObjectStore`) stands for the resources it contains, and the
 * Node.js SDK records a dependency on a remote component as the component's URN.
 */
export function related(a: PolicyResource, b: PolicyResource): boolean {
  return a.urn === b.urn || isAncestor(a, b) || isAncestor(b, a);
}

/** The known string values of a property that holds one id or a list of ids. */
export function referencedIds(resource: PolicyResource, property: string): string[] {
  const value = peek(() => resource.props[property] as unknown);
  if (value === UNKNOWN || value === undefined || value === null) return [];
  return Array.isArray(value) ? knownStrings(elements(value)) : knownStrings([value]);
}

/** The known, non-empty ids among the given property values of `target`. */
export function idsOf(target: PolicyResource, ...properties: string[]): string[] {
  return properties.flatMap((p) => referencedIds(target, p));
}

/**
 * Whether `from.props[property]` refers to `target`. Matching, in order:
 * 1. by value: the property's known value (or one of its list values) equals one of `targetIds`
 *    (the target's name or id outputs; unknown values never match);
 * 2. by property dependency: the engine's `propertyDependencies[property]` of `from` contains
 *    `target` (or a component containing it, or a resource inside it);
 * 3. only when `from` has no property dependencies recorded at all (a graph recorded without
 *    them), and the value could not decide (it is unknown, or the target's `id` is unknown so
 *    the value may be an id we cannot compare): any of `from`'s dependencies is related to
 *    `target` that way.
 */
export function refersTo(from: PolicyResource, property: string, target: PolicyResource, targetIds: readonly string[]): boolean {
  const values = referencedIds(from, property);
  if (targetIds.length > 0 && values.some((v) => targetIds.includes(v))) return true;
  const byProperty = from.propertyDependencies[property];
  if (byProperty && byProperty.length > 0) return byProperty.some((d) => related(d, target));
  if (Object.keys(from.propertyDependencies).length > 0) return false;
  if (values.length > 0 && referencedIds(target, "id").length > 0) return false;
  return from.dependencies.some((d) => related(d, target));
}
