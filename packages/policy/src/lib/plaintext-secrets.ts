import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { isSecretInput, isStackConfigValue } from "./secrets";
import { field, isRecord, UNKNOWN } from "./values";

/** Where secrets sit on one resource type. */
export interface SecretInputs {
  /** Which resources this entry covers. */
  matches: (r: PolicyResource) => boolean;
  /** Inputs that hold one secret value each (`password`, `authToken`, ...). */
  properties?: readonly string[];
  /** Map-valued inputs whose every value is a secret (Kubernetes Secret `data` / `stringData`). */
  maps?: readonly string[];
  /** Checks the resource only when this holds (e.g. an SSM parameter of type SecureString). */
  when?: (props: unknown) => boolean;
}

/** Where the value at `path` comes from; `undefined` when it is fine. */
function plaintextReason(r: PolicyResource, path: readonly string[], value: string, dependencyKeys: readonly string[]): string | undefined {
  const secret = isSecretInput(r.urn, path);
  if (secret === true) return undefined;
  // Derived from another resource's output (random.RandomPassword, a Secrets Manager value, ...).
  if (dependencyKeys.some((k) => (r.propertyDependencies[k] ?? []).length > 0)) return undefined;
  if (secret === false) return "is not a secret";
  // CrossGuard CLI: secretness is invisible; accept values that came from stack config.
  if (isStackConfigValue(value)) return undefined;
  return "is a literal in the program (not from stack config, not derived from another resource)";
}

/** The secret-bearing values of a resource: `[path, value, keys whose dependencies count]`. */
function secretValues(r: PolicyResource, spec: SecretInputs): [string[], string, readonly string[]][] {
  const out: [string[], string, readonly string[]][] = [];
  for (const property of spec.properties ?? []) {
    const value = field(r.props, property);
    if (typeof value === "string" && value !== "") out.push([[property], value, [property]]);
  }
  for (const map of spec.maps ?? []) {
    const values = field(r.props, map);
    if (!isRecord(values)) continue;
    for (const key of Object.keys(values)) {
      const value = field(values, key);
      if (typeof value === "string" && value !== "") out.push([[map, key], value, spec.maps ?? []]);
    }
  }
  return out;
}

/**
 * Builds a stack policy that flags secret-bearing inputs set to plain values.
 *
 * A value passes when it is unknown (computed: it comes from another resource), marked secret
 * (known exactly in the offline plan), or derived from another resource (the engine's property
 * dependencies, e.g. on a `random.RandomPassword`). Under `pulumi preview --policy-pack`,
 * `@pulumi/policy` strips secretness before policies run, so there a value equal to a stack
 * config value also passes (it came from `config.requireSecret`, not from source code); the
 * pack cannot tell whether the key was set with `--secret`, the offline plan can.
 */
export function plaintextSecretsPolicy(meta: { name: string; description: string }, specs: readonly SecretInputs[]): StackValidationPolicy {
  return {
    ...meta,
    validateStack: (args, reportViolation) => {
      for (const r of args.resources) {
        for (const spec of specs) {
          if (!spec.matches(r) || (spec.when && !spec.when(r.props))) continue;
          for (const [path, value, dependencyKeys] of secretValues(r, spec)) {
            const reason = plaintextReason(r, path, value, dependencyKeys);
            if (reason) {
              reportViolation(
                `${r.name}: ${path.join(".")} ${reason}. Use config.requireSecret(), pulumi.secret(), or generate it (random.RandomPassword, a managed secret).`,
                r.urn,
              );
            }
          }
        }
      }
    },
  };
}

/** True unless `props.type` is known and differs from `type`. */
export const typeIs =
  (type: string) =>
  (props: unknown): boolean => {
    const t = field(props, "type");
    return t === UNKNOWN || t === type;
  };
