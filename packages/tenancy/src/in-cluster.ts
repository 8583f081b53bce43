import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { kubernetesLabels, namespaceName, PLATFORM_NAMESPACES, POD_SECURITY_VERSION, TEAM_ROLES, type CompleteTeam, type PlatformNamespace, type TeamRole } from "@mlops/core";
import type { ResolvedTenancyArgs } from "./defaults";
import type { TenancyOutputs } from "./types";
import {
  PURPOSE_LABEL, TEAM_LABEL, allowDns, allowMetricsScrape, allowSameNamespaceEgress, allowSameNamespaceIngress, allowScrapeEgress, defaultDeny,
} from "./network-policies";
import { ADMIN_CLUSTER_RULES, PERMISSION_RULES, SERVING_DEPLOYERS, VIEW_RULES, kebab, roleRules } from "./rbac";

type Spec = k8s.types.input.networking.v1.NetworkPolicySpec;
type PolicyRule = k8s.types.input.rbac.v1.PolicyRule;

/** The in-cluster objects of every backend: the escape hatch. */
export interface InClusterTenancyNative {
  /** By purpose (`data`, ...) and by `team-<name>`. */
  namespaces: Readonly<Record<string, k8s.core.v1.Namespace>>;
  networkPolicies: readonly k8s.networking.v1.NetworkPolicy[];
  /** By team. */
  resourceQuotas: Readonly<Record<string, k8s.core.v1.ResourceQuota>>;
  limitRanges: Readonly<Record<string, k8s.core.v1.LimitRange>>;
  roles: readonly k8s.rbac.v1.Role[];
  roleBindings: readonly k8s.rbac.v1.RoleBinding[];
  clusterRoles: readonly k8s.rbac.v1.ClusterRole[];
  clusterRoleBindings: readonly k8s.rbac.v1.ClusterRoleBinding[];
}

/**
 * Container defaults of a team namespace: a quota on requests and limits rejects pods that set
 * none, so the LimitRange fills them in (a pod asking for more sets its own).
 */
export const CONTAINER_DEFAULTS = { defaultRequest: { cpu: "100m", memory: "256Mi" }, default: { cpu: "1", memory: "1Gi" } } as const;
/** CPU limits may reach twice the team's requests (CPU is throttled, not killed); memory limits may not exceed its requests. */
export const CPU_LIMIT_FACTOR = 2;
/** The policies the local stack's foundation registered at the root (`data-<suffix>`): aliased, never replaced. */
const SHIPPED_DATA_POLICIES = ["default-deny", "allow-dns", "allow-same-namespace-egress"];

const RBAC_GROUP = "rbac.authorization.k8s.io";
const groupSubjects = (groups: Iterable<string>) => [...new Set(groups)].sort().map((name) => ({ kind: "Group", apiGroup: RBAC_GROUP, name }));

/** The ResourceQuota of a team (seed 002), GPUs by `requests.` only (extended resources cannot be overcommitted). */
export function teamQuota(team: CompleteTeam): Record<string, string> {
  return {
    "requests.cpu": `${team.cpu}`,
    "limits.cpu": `${team.cpu * CPU_LIMIT_FACTOR}`,
    "requests.memory": `${team.memoryGi}Gi`,
    "limits.memory": `${team.memoryGi}Gi`,
    "requests.nvidia.com/gpu": `${team.gpu}`,
    persistentvolumeclaims: `${team.persistentVolumeClaims}`,
    ...(team.storageGi !== undefined ? { "requests.storage": `${team.storageGi}Gi` } : {}),
    // Teams reach the outside through the platform's ingress, never their own load balancers or node ports.
    "services.loadbalancers": "0",
    "services.nodeports": "0",
  };
}

/**
 * The part of the Tenancy every backend shares: the platform and team namespaces with Pod
 * Security labels, default-deny NetworkPolicies and the explicit allows, team quotas and
 * LimitRanges, and the RBAC of seed 003. `clientEgress` is the backend's way for data clients
 * (ml, serving, teams) to reach the data services.
 */
export function buildInCluster(parent: pulumi.Resource, name: string, r: ResolvedTenancyArgs, clientEgress: (dataNamespace: string) => Record<string, Spec>): { outputs: TenancyOutputs; native: InClusterTenancyNative } {
  // A stack tag `team` must not mark every namespace as a team's.
  const labels = Object.fromEntries(Object.entries(kubernetesLabels(r.tags)).filter(([k]) => k !== TEAM_LABEL));
  const prefix = r.namespacePrefix;
  const physical = (suffix: string) => namespaceName(prefix, suffix);
  const monitoring = physical("monitoring");
  const dataNamespace = physical("data");
  const native = {
    namespaces: {} as Record<string, k8s.core.v1.Namespace>,
    networkPolicies: [] as k8s.networking.v1.NetworkPolicy[],
    resourceQuotas: {} as Record<string, k8s.core.v1.ResourceQuota>,
    limitRanges: {} as Record<string, k8s.core.v1.LimitRange>,
    roles: [] as k8s.rbac.v1.Role[],
    roleBindings: [] as k8s.rbac.v1.RoleBinding[],
    clusterRoles: [] as k8s.rbac.v1.ClusterRole[],
    clusterRoleBindings: [] as k8s.rbac.v1.ClusterRoleBinding[],
  };
  const fromRoot = (key: string, oldName: string): pulumi.Alias[] => (key === "data" ? [{ name: oldName, parent: pulumi.rootStackResource }] : []);

  const namespace = (key: string, nsName: string, purpose: string, extraLabels: Record<string, string>, policies: Record<string, Spec>) => {
    const ns = new k8s.core.v1.Namespace(
      `${name}-${key}`,
      {
        metadata: {
          name: nsName,
          labels: {
            ...labels,
            ...extraLabels,
            [PURPOSE_LABEL]: purpose,
            "pod-security.kubernetes.io/enforce": r.podSecurity,
            "pod-security.kubernetes.io/enforce-version": POD_SECURITY_VERSION,
            "pod-security.kubernetes.io/audit": "restricted",
            "pod-security.kubernetes.io/audit-version": POD_SECURITY_VERSION,
            "pod-security.kubernetes.io/warn": "restricted",
            "pod-security.kubernetes.io/warn-version": POD_SECURITY_VERSION,
          },
        },
      },
      // Deleting a namespace deletes every workload and volume claim in it.
      { parent, protect: r.protect, aliases: fromRoot(key, "data") },
    );
    native.namespaces[key] = ns;
    for (const [suffix, spec] of Object.entries(policies)) {
      native.networkPolicies.push(new k8s.networking.v1.NetworkPolicy(
        `${name}-${key}-${suffix}`,
        { metadata: { name: suffix, namespace: ns.metadata.name, labels }, spec },
        { parent, aliases: SHIPPED_DATA_POLICIES.includes(suffix) ? fromRoot(key, `data-${suffix}`) : [] },
      ));
    }
    return ns;
  };

  const common = (sameNamespaceIngress: boolean): Record<string, Spec> => ({
    "default-deny": defaultDeny(),
    "allow-dns": allowDns(),
    "allow-same-namespace-egress": allowSameNamespaceEgress(),
    ...(sameNamespaceIngress ? { "allow-same-namespace-ingress": allowSameNamespaceIngress() } : {}),
    "allow-metrics-scrape": allowMetricsScrape(monitoring),
  });
  const clients = clientEgress(dataNamespace);
  const purposePolicies: Record<PlatformNamespace, Record<string, Spec>> = {
    // Each data service admits its own clients (the data components' `clientNamespaces`).
    data: common(false),
    ml: { ...common(true), ...clients },
    serving: { ...common(true), ...clients },
    monitoring: { ...common(true), "allow-scrape-egress": allowScrapeEgress() },
  };
  const platform = {} as Record<PlatformNamespace, pulumi.Output<string>>;
  for (const purpose of PLATFORM_NAMESPACES) platform[purpose] = namespace(purpose, physical(purpose), purpose, {}, purposePolicies[purpose]).metadata.name;

  const teamNamespaces: Record<string, pulumi.Output<string>> = {};
  const roles: Record<string, Record<TeamRole, pulumi.Output<string>>> = {};
  const role = (logical: string, ns: pulumi.Input<string>, roleName: string, rules: PolicyRule[], groups: string[]) => {
    const created = new k8s.rbac.v1.Role(logical, { metadata: { name: roleName, namespace: ns, labels }, rules }, { parent });
    native.roles.push(created);
    if (groups.length > 0) {
      native.roleBindings.push(new k8s.rbac.v1.RoleBinding(
        `${logical}-binding`,
        { metadata: { name: roleName, namespace: ns, labels }, roleRef: { apiGroup: RBAC_GROUP, kind: "Role", name: created.metadata.name }, subjects: groupSubjects(groups) },
        { parent },
      ));
    }
    return created.metadata.name;
  };

  for (const team of r.teams) {
    const key = `team-${team.name}`;
    const ns = namespace(key, physical(team.name), "team", { [TEAM_LABEL]: team.name }, { ...common(true), ...clients }).metadata.name;
    teamNamespaces[team.name] = ns;
    native.resourceQuotas[team.name] = new k8s.core.v1.ResourceQuota(`${name}-${key}-quota`, { metadata: { name: "team-quota", namespace: ns, labels }, spec: { hard: teamQuota(team) } }, { parent });
    native.limitRanges[team.name] = new k8s.core.v1.LimitRange(
      `${name}-${key}-defaults`,
      { metadata: { name: "team-defaults", namespace: ns, labels }, spec: { limits: [{ type: "Container", defaultRequest: { ...CONTAINER_DEFAULTS.defaultRequest }, default: { ...CONTAINER_DEFAULTS.default } }] } },
      { parent },
    );
    const teamRoles = {} as Record<TeamRole, pulumi.Output<string>>;
    for (const teamRole of TEAM_ROLES) teamRoles[teamRole] = role(`${name}-${key}-${kebab(teamRole)}`, ns, `${prefix}-${kebab(teamRole)}`, roleRules(teamRole), team.groups[teamRole]);
    roles[team.name] = teamRoles;
  }

  if (r.teams.length > 0) {
    const groupsOf = (of: readonly TeamRole[]) => r.teams.flatMap((t) => of.flatMap((teamRole) => t.groups[teamRole]));
    // model_deploy covers the shared serving namespace; reviewers read it.
    role(`${name}-serving-model-deploy`, platform.serving, `${prefix}-model-deploy`, [...VIEW_RULES, ...PERMISSION_RULES.model_deploy], groupsOf(SERVING_DEPLOYERS));
    role(`${name}-serving-model-review`, platform.serving, `${prefix}-model-review`, [...VIEW_RULES], groupsOf(["model_reviewer"]));
    const clusterRole = new k8s.rbac.v1.ClusterRole(`${name}-admin-cluster-read`, { metadata: { name: `${prefix}-team-admin-cluster-read`, labels }, rules: [...ADMIN_CLUSTER_RULES] }, { parent });
    native.clusterRoles.push(clusterRole);
    const admins = groupsOf(["admin"]);
    if (admins.length > 0) {
      native.clusterRoleBindings.push(new k8s.rbac.v1.ClusterRoleBinding(
        `${name}-admin-cluster-read-binding`,
        { metadata: { name: `${prefix}-team-admin-cluster-read`, labels }, roleRef: { apiGroup: RBAC_GROUP, kind: "ClusterRole", name: clusterRole.metadata.name }, subjects: groupSubjects(admins) },
        { parent },
      ));
    }
  }

  const clientNamespaces = [platform.ml, platform.serving, ...Object.values(teamNamespaces)];
  return { outputs: { namespaces: platform, teamNamespaces, clientNamespaces, roles }, native };
}
