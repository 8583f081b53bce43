import type { ResourceValidationPolicy } from "@pulumi/policy";
import { isRecord } from "../../lib/values";
import { definePolicy } from "../../lib/registry";

const RBAC = "kubernetes:rbac.authorization.k8s.io/v1";

/** Role kinds checked: Role and ClusterRole, and their server-side-apply Patch forms (they carry rules too). */
export const ROLE_TYPES: readonly string[] = [`${RBAC}:Role`, `${RBAC}:ClusterRole`, `${RBAC}:RolePatch`, `${RBAC}:ClusterRolePatch`];

const strings = (value: unknown): unknown[] => (Array.isArray(value) ? [...(value as unknown[])] : []);

/** What a rule grants that is too broad, or `undefined`. Reads elements through the proxy (unknown throws). */
function wildcardGrant(rule: unknown): string | undefined {
  if (!isRecord(rule)) return undefined;
  if (!strings(rule["verbs"]).includes("*")) return undefined;
  const resources = strings(rule["resources"]);
  if (resources.includes("*")) return 'verbs "*" on resources "*"';
  const groups = strings(rule["apiGroups"]);
  if (resources.includes("secrets") && (groups.includes("") || groups.includes("*"))) return 'verbs "*" on secrets';
  return undefined;
}

/**
 * No Role or ClusterRole grants every verb on Secrets: a rule whose `resources` include
 * `secrets` or `*` and whose `apiGroups` include `""` (core) or `*` must not list verb `*`;
 * and no rule grants verb `*` on resources `*` in any API group. Narrow verbs (get, list,
 * watch, create, ...) on Secrets are allowed: this policy removes the blanket grants.
 */
export const kubernetesRbacNoWildcardSecrets = definePolicy<ResourceValidationPolicy>(
  {
    name: "kubernetes-rbac-no-wildcard-secrets",
    description:
      "Roles and ClusterRoles must not grant verb \"*\" on secrets (resources secrets or \"*\" in apiGroups \"\" or \"*\"), " +
      "nor verb \"*\" on resources \"*\": a wildcard grant hands out every Secret's value and the right to rewrite them; " +
      "grant the verbs a component needs.",
    validateResource: (args, report) => {
      if (!ROLE_TYPES.includes(args.type)) args.notApplicable("Policy only applies to RBAC Roles and ClusterRoles");
      strings(args.props.rules).forEach((rule, i) => {
        const grant = wildcardGrant(rule);
        if (grant) report(`rules[${i}] grants ${grant}.`);
      });
    },
  },
  { vendor: "kubernetes", services: ["rbac"], topics: ["access", "secrets"], frameworks: ["cis"], severity: "high" },
);
