import type * as k8s from "@pulumi/kubernetes";
import type { TeamRole } from "@mlops/core";

type PolicyRule = k8s.types.input.rbac.v1.PolicyRule;

/** The permissions of seed 003. */
export const PERMISSIONS = ["model_deploy", "data_access", "pipeline_execute", "system_config"] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * The one Secret of a team namespace that `data_access` may read (by name, `get` only): the
 * platform puts the data services' client credentials there.
 */
export const DATA_CREDENTIALS_SECRET = "data-credentials";

const READ = ["get", "list", "watch"];
const MANAGE = [...READ, "create", "update", "patch", "delete"];

/** What every role sees in its team namespace: workloads, their logs and status, never Secrets or ConfigMaps. */
export const VIEW_RULES: readonly PolicyRule[] = [
  { apiGroups: [""], resources: ["pods", "pods/log", "services", "endpoints", "events", "persistentvolumeclaims", "resourcequotas", "limitranges"], verbs: READ },
  { apiGroups: ["apps"], resources: ["deployments", "replicasets", "statefulsets"], verbs: READ },
  { apiGroups: ["batch"], resources: ["jobs", "cronjobs"], verbs: READ },
  { apiGroups: ["autoscaling"], resources: ["horizontalpodautoscalers"], verbs: READ },
  { apiGroups: ["serving.kserve.io"], resources: ["inferenceservices", "servingruntimes"], verbs: READ },
  { apiGroups: ["argoproj.io"], resources: ["workflows", "workflowtemplates", "cronworkflows"], verbs: READ },
  { apiGroups: ["kubeflow.org"], resources: ["pytorchjobs", "tfjobs", "mpijobs"], verbs: READ },
];

/** The rules of each permission, in a namespace. No wildcard verb anywhere; Secrets by name or explicit verbs. */
export const PERMISSION_RULES: Readonly<Record<Permission, readonly PolicyRule[]>> = {
  // KServe InferenceServices and the plain Deployments / Services / autoscalers a model server needs.
  model_deploy: [
    { apiGroups: ["serving.kserve.io"], resources: ["inferenceservices"], verbs: MANAGE },
    { apiGroups: ["apps"], resources: ["deployments"], verbs: MANAGE },
    { apiGroups: [""], resources: ["services"], verbs: MANAGE },
    { apiGroups: ["autoscaling"], resources: ["horizontalpodautoscalers"], verbs: MANAGE },
  ],
  // ConfigMaps, volume claims (within the quota) and the data credentials Secret by name: `get` only.
  data_access: [
    { apiGroups: [""], resources: ["configmaps"], verbs: READ },
    { apiGroups: [""], resources: ["persistentvolumeclaims"], verbs: [...READ, "create", "delete"] },
    { apiGroups: [""], resources: ["secrets"], resourceNames: [DATA_CREDENTIALS_SECRET], verbs: ["get"] },
  ],
  // Argo Workflows (what Kubeflow Pipelines runs on), Kubeflow training jobs and plain Jobs.
  pipeline_execute: [
    { apiGroups: ["argoproj.io"], resources: ["workflows", "workflowtemplates", "cronworkflows"], verbs: MANAGE },
    { apiGroups: ["kubeflow.org"], resources: ["pytorchjobs", "tfjobs", "mpijobs"], verbs: MANAGE },
    { apiGroups: ["batch"], resources: ["jobs", "cronjobs"], verbs: MANAGE },
  ],
  // The namespace's own configuration: Secrets (explicit verbs), ConfigMaps, service accounts, and
  // binding the platform's Roles to people (Roles themselves, quotas and NetworkPolicies stay read-only).
  system_config: [
    { apiGroups: [""], resources: ["secrets", "configmaps", "serviceaccounts"], verbs: MANAGE },
    { apiGroups: ["rbac.authorization.k8s.io"], resources: ["rolebindings"], verbs: MANAGE },
    { apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles"], verbs: READ },
    { apiGroups: ["networking.k8s.io"], resources: ["networkpolicies"], verbs: READ },
  ],
};

/** Which permissions each role holds (least privilege; README table). Every role also gets {@link VIEW_RULES}. */
export const ROLE_PERMISSIONS: Readonly<Record<TeamRole, readonly Permission[]>> = {
  ml_engineer: ["model_deploy", "data_access", "pipeline_execute"],
  data_scientist: ["data_access", "pipeline_execute"],
  model_reviewer: [],
  admin: ["model_deploy", "data_access", "pipeline_execute", "system_config"],
};

/** The rules of a team role in its team namespace. */
export function roleRules(role: TeamRole): PolicyRule[] {
  return [...VIEW_RULES, ...ROLE_PERMISSIONS[role].flatMap((p) => PERMISSION_RULES[p])];
}

/** Team admins read cluster-scoped capacity (nodes, storage classes): the one cluster-wide grant. */
export const ADMIN_CLUSTER_RULES: readonly PolicyRule[] = [
  { apiGroups: [""], resources: ["nodes"], verbs: READ },
  { apiGroups: ["storage.k8s.io"], resources: ["storageclasses"], verbs: READ },
];

/** Roles whose groups deploy models into the shared serving namespace (`model_deploy`). */
export const SERVING_DEPLOYERS: readonly TeamRole[] = (Object.keys(ROLE_PERMISSIONS) as TeamRole[]).filter((r) => ROLE_PERMISSIONS[r].includes("model_deploy"));

/** `ml_engineer` → `ml-engineer`: Kubernetes object names allow no `_`. */
export function kebab(role: string): string {
  return role.replace(/_/g, "-");
}
