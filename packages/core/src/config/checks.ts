import { CLOUDS, backendFor, type Cloud } from "../platform";
import type { ConfigIssue } from "./errors";
import type { StackConfigInput } from "./schema";
import { SLOTS, SLOT_VALUES, incompatibility, type Modules } from "./slots";
import { configKey as key } from "./keys";
import { resolveSettings, settingsKeys } from "../kit/settings";
import { COMPONENT_SETTINGS, clusterCrossIssues } from "../settings";
import { tenancyConfigPath, tenancySettings } from "../settings/tenancy";

export function compatibility(cloud: Cloud, modules: Partial<Modules>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const slot of SLOTS) {
    const value = modules[slot];
    const why = value === undefined ? undefined : incompatibility(cloud, slot, value as never);
    if (why) issues.push({ key: key(["modules", slot]), value, message: why });
  }
  return issues;
}

/** The compatibility matrix over input that failed the schema, so all problems show at once. */
export function compatibilityOfRaw(input: Record<string, unknown>): ConfigIssue[] {
  const cloud = input["cloud"];
  const modules = input["modules"];
  if (!(CLOUDS as readonly unknown[]).includes(cloud) || modules === null || typeof modules !== "object") return [];
  const known: Partial<Modules> = {};
  for (const slot of SLOTS) {
    const v = (modules as Record<string, unknown>)[slot];
    if ((SLOT_VALUES[slot] as readonly unknown[]).includes(v)) (known as Record<string, unknown>)[slot] = v;
  }
  return compatibility(cloud as Cloud, known);
}

/** Rules that span several keys. */
export function crossChecks(cfg: StackConfigInput, modules: Modules): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const i of clusterCrossIssues({ backend: backendFor(cfg.cloud), context: cfg.kubernetes?.context, gpu: cfg.cluster?.gpu, teams: cfg.teams ?? [] })) {
    issues.push({ key: key(i.path), value: i.value, message: i.message });
  }
  const dbOn = cfg.database?.enabled ?? true;
  const cacheOn = cfg.cache?.enabled ?? true;
  if (cfg.cloud === "gcp" && !cfg.gcpProject) {
    issues.push({ key: key(["gcpProject"]), value: undefined, message: "is required when cloud is \"gcp\"" });
  }
  if (cfg.cloud !== "local" && !cfg.region) {
    issues.push({ key: key(["region"]), value: undefined, message: `is required when cloud is "${cfg.cloud}"` });
  }
  if (modules.featureStore === "feast" && (!dbOn || !cacheOn)) {
    issues.push({
      key: key(["modules", "featureStore"]),
      value: "feast",
      message: "feast needs the database (registry) and the cache (online store); set database.enabled and cache.enabled to true, or featureStore to \"none\"",
    });
  }
  if (modules.mlPlatform === "mlflow" && !dbOn) {
    issues.push({ key: key(["database", "enabled"]), value: false, message: "false is not allowed with mlPlatform \"mlflow\": MLflow keeps its tracking data in the database" });
  }
  const sv = cfg.serving;
  if (sv?.minInstances !== undefined && sv.maxInstances !== undefined && sv.maxInstances < sv.minInstances) {
    issues.push({ key: key(["serving", "maxInstances"]), value: sv.maxInstances, message: `${sv.maxInstances} is not allowed: must be >= serving.minInstances (${sv.minInstances})` });
  }
  if (cfg.tier === "prod" && cfg.policyEnforcement && cfg.policyEnforcement !== "mandatory") {
    issues.push({ key: key(["policyEnforcement"]), value: cfg.policyEnforcement, message: `"${cfg.policyEnforcement}" is not allowed in prod; allowed: "mandatory"` });
  }
  if (cfg.tier === "prod" && cfg.protect === false) {
    issues.push({ key: key(["protect"]), value: false, message: "false is not allowed in prod: stateful resources are always protected there" });
  }
  return issues;
}

/**
 * The Tenancy component's rules (unique team names, namespace lengths, groups, ARNs) over its
 * three config keys: `teams`, `podSecurity`, `kubernetes.namespacePrefix`.
 */
export function tenancyChecks(cfg: StackConfigInput): ConfigIssue[] {
  const given = {
    ...(cfg.teams !== undefined ? { teams: cfg.teams } : {}),
    ...(cfg.podSecurity !== undefined ? { podSecurity: cfg.podSecurity } : {}),
    ...(cfg.kubernetes?.namespacePrefix !== undefined ? { namespacePrefix: cfg.kubernetes.namespacePrefix } : {}),
  };
  const result = resolveSettings(tenancySettings, given, { backend: backendFor(cfg.cloud), tier: cfg.tier });
  return result.ok ? [] : result.issues.map((i) => ({ key: key(tenancyConfigPath(i.path)), value: i.value, message: i.message }));
}

/**
 * Each component's own rules over its config section (the same `complete` and `check` the
 * component runs), keyed as config keys: `mlops-platform:database.maxSizeGb`.
 */
export function componentChecks(cfg: StackConfigInput): ConfigIssue[] {
  const ctx = { backend: backendFor(cfg.cloud), tier: cfg.tier };
  const issues: ConfigIssue[] = [...tenancyChecks(cfg)];
  for (const spec of COMPONENT_SETTINGS) {
    const section = (cfg as Record<string, unknown>)[spec.section] as Record<string, unknown> | undefined;
    if (spec.toggle && section?.["enabled"] === false) continue;
    // Only the component's own keys: the section's registry keys (`enabled`, objectStore's
    // `buckets`) are checked by the config schema alone.
    const given = Object.fromEntries(settingsKeys(spec).filter((k) => section?.[k] !== undefined).map((k) => [k, section?.[k]]));
    const result = resolveSettings(spec, given, ctx);
    if (!result.ok) for (const i of result.issues) issues.push({ key: key([spec.section, ...i.path]), value: i.value, message: i.message });
  }
  return issues;
}
