import { z } from "zod";
import type { Backend } from "../platform";
import { POD_SECURITY_LEVELS, TIER_DEFAULTS, type PodSecurityLevel } from "../tiers";
import { defineSettings } from "../kit/settings";
import { show, type SettingIssue } from "../kit/issues";

/** The platform's own namespaces, by purpose; each is `<namespacePrefix>-<purpose>`. */
export const PLATFORM_NAMESPACES = ["data", "ml", "serving", "monitoring"] as const;
export type PlatformNamespace = (typeof PLATFORM_NAMESPACES)[number];

/** The RBAC roles of every team (seed 003). */
export const TEAM_ROLES = ["ml_engineer", "data_scientist", "model_reviewer", "admin"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** A namespace name is a DNS label: at most 63 characters. */
export const MAX_NAMESPACE_NAME = 63;
/** The longest prefix that still leaves room for `-monitoring`. */
export const MAX_NAMESPACE_PREFIX = MAX_NAMESPACE_NAME - "-monitoring".length;
/** The Pod Security Standards version pinned on every namespace (a newer cluster keeps these rules). */
export const POD_SECURITY_VERSION = "v1.32";
/** Kubernetes reserves the `system:` prefix for its own users and groups (and EKS rejects it in access entries). */
export const RESERVED_GROUP_PREFIX = "system:";

const DNS_LABEL = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
const dnsLabel = z.string().regex(DNS_LABEL, "must be a DNS label: lowercase letters, digits and '-', starting with a letter");
/** An IAM role ARN (any partition, optional path): what an EKS access entry's principal is. */
export const IAM_ROLE_ARN = /^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const roleArn = z.string().regex(IAM_ROLE_ARN, 'must be an IAM role ARN such as "arn:aws:iam::123456789012:role/ml-engineers"');
const group = z.string().regex(/^\S{1,255}$/, "must be a group name of 1-255 characters without spaces");
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** One list per role; an unset role falls back to its default, `[]` binds no one. */
const perRole = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    ml_engineer: z.array(item).max(20).optional(),
    data_scientist: z.array(item).max(20).optional(),
    model_reviewer: z.array(item).max(20).optional(),
    admin: z.array(item).max(20).optional(),
  });

/** One team (seed 002): its namespace, quota and the groups bound to its roles. */
export const teamSchema = z.strictObject({
  /** The team; its namespace is `<namespacePrefix>-<name>`. Required. */
  name: dnsLabel,
  /** CPU cores the team's pods may request (`requests.cpu`); `limits.cpu` is twice that. Required. */
  cpu: z.number().int().positive().max(1000),
  /** Memory in GiB the team's pods may request and limit (`requests.memory`, `limits.memory`). Required. */
  memoryGi: z.number().int().positive().max(10000),
  /** NVIDIA GPUs the team's pods may request (`requests.nvidia.com/gpu`). Default 0: no GPU. */
  gpu: z.number().int().min(0).max(64).optional(),
  /** PersistentVolumeClaims the team may hold. Default 10. */
  persistentVolumeClaims: z.number().int().min(0).max(1000).optional(),
  /** Storage in GiB all the team's claims may request (`requests.storage`). Default: unlimited (the claim count still applies). */
  storageGi: z.number().int().positive().max(100000).optional(),
  /**
   * Kubernetes groups bound to each role. Default `mlops:<team>:<role>` (aws and kubernetes);
   * gcp: required per role, Google group emails (Google Groups for RBAC), `[]` for none.
   */
  groups: perRole(group).optional(),
  /** aws only: IAM roles mapped to the role's groups through EKS access entries. Default: none. */
  awsRoleArns: perRole(roleArn).optional(),
});

export const tenancySettingsSchema = z.strictObject({
  /** Prefix of every namespace (`mlops-data`, `mlops-<team>`), at most 52 characters. Default "mlops". */
  namespacePrefix: dnsLabel.max(MAX_NAMESPACE_PREFIX).optional(),
  /** Pod Security Standard enforced on every namespace (audit and warn are always restricted). Default: the tier's (baseline in dev and staging, restricted in prod). */
  podSecurity: z.enum(POD_SECURITY_LEVELS).optional(),
  /** Team namespaces (seed 002), at most 50. Default: none. */
  teams: z.array(teamSchema).max(50).optional(),
});

export type TeamSettings = z.output<typeof teamSchema>;
export type TenancySettings = z.output<typeof tenancySettingsSchema>;

export interface CompleteTeam {
  name: string;
  cpu: number;
  memoryGi: number;
  gpu: number;
  persistentVolumeClaims: number;
  storageGi: number | undefined;
  groups: Record<TeamRole, string[]>;
  awsRoleArns: Record<TeamRole, string[]>;
}

export interface CompleteTenancySettings {
  namespacePrefix: string;
  podSecurity: PodSecurityLevel;
  teams: CompleteTeam[];
}

/** The default group of a team's role: `mlops:data-science:ml_engineer`. */
export function defaultGroup(team: string, role: TeamRole): string {
  return `mlops:${team}:${role}`;
}

/** `<prefix>-<purpose or team>`. */
export function namespaceName(prefix: string, suffix: string): string {
  return `${prefix}-${suffix}`;
}

function completeTeam(t: TeamSettings, backend: Backend): CompleteTeam {
  const groups = {} as Record<TeamRole, string[]>;
  const arns = {} as Record<TeamRole, string[]>;
  for (const role of TEAM_ROLES) {
    // gcp binds Google group emails only; no default name could be one (checked below).
    groups[role] = t.groups?.[role] ?? (backend === "gcp" ? [] : [defaultGroup(t.name, role)]);
    arns[role] = t.awsRoleArns?.[role] ?? [];
  }
  return { name: t.name, cpu: t.cpu, memoryGi: t.memoryGi, gpu: t.gpu ?? 0, persistentVolumeClaims: t.persistentVolumeClaims ?? 10, storageGi: t.storageGi, groups, awsRoleArns: arns };
}

function teamIssues(t: TeamSettings, i: number, prefix: string, backend: Backend): SettingIssue[] {
  const issues: SettingIssue[] = [];
  const ns = namespaceName(prefix, t.name);
  if ((PLATFORM_NAMESPACES as readonly string[]).includes(t.name)) {
    issues.push({ path: ["teams", i, "name"], value: t.name, message: `"${t.name}" is not allowed: it names a platform namespace (${PLATFORM_NAMESPACES.join(", ")})` });
  }
  if (ns.length > MAX_NAMESPACE_NAME) {
    issues.push({
      path: ["teams", i, "name"],
      value: t.name,
      message: `"${t.name}" is not allowed: its namespace "${ns}" has ${ns.length} characters, at most ${MAX_NAMESPACE_NAME} (shorten the team name or kubernetes.namespacePrefix)`,
    });
  }
  for (const role of TEAM_ROLES) {
    const given = t.groups?.[role];
    if (backend === "gcp" && given === undefined) {
      issues.push({ path: ["teams", i, "groups", role], value: undefined, message: "is required on gcp: list the Google group emails (Google Groups for RBAC) bound to this role, or [] for none" });
    }
    (given ?? []).forEach((g, j) => {
      if (g.startsWith(RESERVED_GROUP_PREFIX)) {
        issues.push({ path: ["teams", i, "groups", role, j], value: g, message: `"${g}" is not allowed: the "${RESERVED_GROUP_PREFIX}" prefix is reserved for Kubernetes' own groups` });
      } else if (backend === "gcp" && !EMAIL.test(g)) {
        issues.push({ path: ["teams", i, "groups", role, j], value: g, message: `"${g}" is not allowed on gcp: GKE binds Google groups by email, e.g. "ml-engineers@example.com"` });
      }
    });
    const arns = t.awsRoleArns?.[role];
    if (arns !== undefined && backend !== "aws") {
      issues.push({ path: ["teams", i, "awsRoleArns", role], value: arns, message: `${show(arns)} is not allowed on ${backend}: EKS access entries exist on aws only; remove it` });
    } else if (arns !== undefined && arns.length > 0 && given?.length === 0) {
      issues.push({ path: ["teams", i, "awsRoleArns", role], value: arns, message: `${show(arns)} is not allowed with groups.${role} []: the access entries would map to no group; list groups or remove the ARNs` });
    }
  }
  return issues;
}

/**
 * The Tenancy component's settings. In the stack config they are three top-level keys, not one
 * section: `teams`, `podSecurity` and `kubernetes.namespacePrefix` (see `tenancyConfigPath`).
 */
export const tenancySettings = defineSettings({
  section: "teams",
  schema: tenancySettingsSchema,
  complete(given, { backend, tier }): CompleteTenancySettings {
    return {
      namespacePrefix: given.namespacePrefix ?? "mlops",
      podSecurity: given.podSecurity ?? TIER_DEFAULTS[tier].podSecurity,
      teams: (given.teams ?? []).map((t) => completeTeam(t, backend)),
    };
  },
  check(c, given, { backend }): SettingIssue[] {
    const issues: SettingIssue[] = [];
    const seen = new Set<string>();
    (given.teams ?? []).forEach((t, i) => {
      if (seen.has(t.name)) issues.push({ path: ["teams", i, "name"], value: t.name, message: `"${t.name}" is not allowed: team names must be unique` });
      seen.add(t.name);
      issues.push(...teamIssues(t, i, c.namespacePrefix, backend));
    });
    return issues;
  },
});

/** Where a tenancy setting lives in the stack config: `namespacePrefix` is under `kubernetes`. */
export function tenancyConfigPath(path: readonly PropertyKey[]): PropertyKey[] {
  return path[0] === "namespacePrefix" ? ["kubernetes", ...path] : [...path];
}
