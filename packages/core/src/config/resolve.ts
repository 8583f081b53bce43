import type { z } from "zod";
import { CLOUDS, backendFor, type Backend, type Cloud, type Tier } from "../platform";
import { TIER_DEFAULTS, type EnforcementLevel, type PodSecurityLevel, type BackupDefaults } from "../tiers";
import { POSTGRES_VERSIONS, redisReplicaProblem, redisVersionProblem } from "../engines";
import { ConfigError, show, type ConfigIssue } from "./errors";
import { stackConfigSchema, type StackConfigInput } from "./schema";
import { DEFAULT_MODULES, SLOTS, SLOT_VALUES, incompatibility, type Modules } from "./slots";

/** The config namespace: the Pulumi project name. */
export const CONFIG_NAMESPACE = "mlops-platform";

/** Secret config keys, set with `pulumi config set --secret`; read as Outputs, never validated in clear. */
export const SECRET_CONFIG_KEYS = ["slackWebhookUrl", "pagerdutyKey", "datadogApiKey"] as const;

type Defined<T> = Exclude<T, undefined>;

/** A stack's configuration with every default filled in: what the root program wires. */
export interface StackConfig {
  stack: string;
  project: string;
  cloud: Cloud;
  backend: Backend;
  tier: Tier;
  costCenter: string;
  region: string;
  drRegion: string;
  gcpProject?: string;
  tags: Record<string, string>;
  protect: boolean;
  podSecurity: PodSecurityLevel;
  policyEnforcement: EnforcementLevel;
  modules: Modules;
  network: Required<Omit<Defined<StackConfigInput["network"]>, "natGateways">> & { natGateways: "single" | "one-per-az" };
  objectStore: Defined<StackConfigInput["objectStore"]> & { buckets: string[] };
  database: Defined<StackConfigInput["database"]> & { enabled: boolean };
  cache: Defined<StackConfigInput["cache"]> & { enabled: boolean };
  streaming: Defined<StackConfigInput["streaming"]>;
  serving: Required<Defined<StackConfigInput["serving"]>>;
  alerts: { p1p2Enabled: boolean; emails: string[]; slack: boolean; pagerduty: boolean; thresholds: Required<Defined<Defined<StackConfigInput["alerts"]>["thresholds"]>> };
  budget: { monthlyUsd: number; thresholdsPercent: number[]; emails: string[] };
  backup: BackupDefaults;
  teams: Defined<StackConfigInput["teams"]>;
  kubernetes: { context?: string; namespacePrefix: string };
}

const DEFAULT_REGION: Record<Cloud, string> = { aws: "us-east-1", gcp: "us-central1", local: "local" };
const DEFAULT_DR_REGION: Record<Cloud, string> = { aws: "us-west-2", gcp: "us-east1", local: "local" };

/** Seed 004 thresholds; seed 001 for the database pool and utilisation. */
export const DEFAULT_THRESHOLDS: StackConfig["alerts"]["thresholds"] = {
  errorRateP0Percent: 5,
  memoryP0Percent: 90,
  latencyP95Seconds: 2,
  driftFeatureFraction: 0.3,
  minPredictionConfidence: 0.7,
  errorRateP2Percent: 2,
  minAccuracyPercent: 85,
  cpuP2Percent: 80,
  diskFreeP2Percent: 10,
  dbConnectionPoolPercent: 80,
  utilisationPercent: 85,
};

const key = (path: readonly PropertyKey[]) =>
  `${CONFIG_NAMESPACE}:${path.map(String).join(".").replace(/\.(\d+)(?=\.|$)/g, "[$1]")}`;

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

/** One readable sentence per zod issue: the value and what is allowed. */
function describe(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      return value === undefined ? `is required (expected ${issue.expected})` : `${show(value)} is not allowed: expected ${issue.expected}`;
    case "invalid_value":
      return `${show(value)} is not allowed; allowed: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_small":
      return `${show(value)} is not allowed: must be ${issue.origin === "array" || issue.origin === "string" ? "of length " : ""}${issue.inclusive === false ? ">" : ">="} ${issue.minimum}`;
    case "too_big":
      return `${show(value)} is not allowed: must be ${issue.origin === "array" || issue.origin === "string" ? "of length " : ""}${issue.inclusive === false ? "<" : "<="} ${issue.maximum}`;
    case "unrecognized_keys":
      return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    default:
      return `${show(value)} is not allowed: ${issue.message}`;
  }
}

/** Decodes Pulumi's string config values: objects and arrays arrive JSON-encoded. */
function decode(raw: string): unknown {
  const t = raw.trim();
  if (t.startsWith("{") || t.startsWith("[")) {
    try {
      return JSON.parse(t);
    } catch {
      return raw;
    }
  }
  return raw;
}

/**
 * Validates a stack's raw config (`namespace:key` → string, as Pulumi hands it over) and fills
 * in the tier and cloud defaults. Throws one ConfigError listing every bad key.
 */
export function resolveStackConfig(raw: Readonly<Record<string, string>>, ctx: { stack: string; project?: string }): StackConfig {
  const project = ctx.project ?? CONFIG_NAMESPACE;
  const input: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    const [ns, name] = k.includes(":") ? [k.slice(0, k.indexOf(":")), k.slice(k.indexOf(":") + 1)] : [project, k];
    if (ns !== CONFIG_NAMESPACE || (SECRET_CONFIG_KEYS as readonly string[]).includes(name)) continue;
    input[name] = decode(v);
  }
  const parsed = stackConfigSchema.safeParse(input);
  const issues: ConfigIssue[] = [];
  if (!parsed.success) {
    issues.push(...compatibilityOfRaw(input));
    for (const issue of parsed.error.issues) {
      const value = valueAt(input, issue.path);
      if (issue.code === "unrecognized_keys") {
        for (const k of issue.keys) issues.push({ key: key([...issue.path, k]), value: valueAt(input, [...issue.path, k]), message: describe(issue, value) });
      } else {
        issues.push({ key: key(issue.path), value, message: describe(issue, value) });
      }
    }
    throw new ConfigError(ctx.stack, issues);
  }
  const cfg = parsed.data;
  const modules: Modules = { ...DEFAULT_MODULES[cfg.cloud], ...cfg.modules };
  issues.push(...compatibility(cfg.cloud, modules), ...crossChecks(cfg, modules));
  if (issues.length > 0) throw new ConfigError(ctx.stack, issues);
  return withDefaults(cfg, modules, ctx.stack, project);
}

function compatibility(cloud: Cloud, modules: Partial<Modules>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const slot of SLOTS) {
    const value = modules[slot];
    const why = value === undefined ? undefined : incompatibility(cloud, slot, value as never);
    if (why) issues.push({ key: key(["modules", slot]), value, message: why });
  }
  return issues;
}

/** The compatibility matrix over input that failed the schema, so all problems show at once. */
function compatibilityOfRaw(input: Record<string, unknown>): ConfigIssue[] {
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
function crossChecks(cfg: StackConfigInput, modules: Modules): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
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
  const backend = backendFor(cfg.cloud);
  const db = cfg.database;
  if (db?.engineVersion !== undefined && !(POSTGRES_VERSIONS as readonly string[]).includes(db.engineVersion)) {
    issues.push({ key: key(["database", "engineVersion"]), value: db.engineVersion, message: `${show(db.engineVersion)} is not allowed; allowed: ${POSTGRES_VERSIONS.map((v) => `"${v}"`).join(", ")}` });
  }
  const cache = cfg.cache;
  const redisVersion = cache?.engineVersion !== undefined ? redisVersionProblem(backend, cache.engineVersion) : undefined;
  if (redisVersion) issues.push({ key: key(["cache", "engineVersion"]), value: cache?.engineVersion, message: `${show(cache?.engineVersion)} is not allowed; ${redisVersion}` });
  // The same defaults the Cache component applies (no replicas in-cluster).
  const replicas = cache?.replicas ?? (backend === "kubernetes" ? 0 : TIER_DEFAULTS[cfg.tier].cache.replicas);
  const memory = cache?.memorySizeGb ?? TIER_DEFAULTS[cfg.tier].cache.gcpMemorySizeGb;
  const replicaProblem = cacheOn ? redisReplicaProblem(backend, replicas, memory) : undefined;
  if (replicaProblem) {
    const value = replicaProblem.input === "replicas" ? replicas : memory;
    issues.push({ key: key(["cache", replicaProblem.input]), value, message: `${show(value)} is not allowed; ${replicaProblem.message}` });
  }
  if (db?.sizeGb !== undefined && db.maxSizeGb !== undefined && db.maxSizeGb < db.sizeGb) {
    issues.push({ key: key(["database", "maxSizeGb"]), value: db.maxSizeGb, message: `${db.maxSizeGb} is not allowed: must be >= database.sizeGb (${db.sizeGb})` });
  }
  const store = cfg.objectStore;
  if (store?.retentionDays !== undefined && store.retentionDays > 0 && cfg.cloud !== "gcp") {
    issues.push({ key: key(["objectStore", "retentionDays"]), value: store.retentionDays, message: `${store.retentionDays} is not allowed on ${cfg.cloud}: a bucket retention policy exists on gcp only; use 0` });
  }
  const retention = store?.retentionDays ?? TIER_DEFAULTS[cfg.tier].objectStore.gcpRetentionDays;
  if (cfg.cloud === "gcp" && store?.versioning === true && retention > 0) {
    issues.push({
      key: key(["objectStore", "versioning"]),
      value: true,
      message: `true is not allowed with a retention policy (objectStore.retentionDays ${retention}): GCS cannot combine the two; set retentionDays to 0 or versioning to false`,
    });
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
  const teams = cfg.teams ?? [];
  const seen = new Set<string>();
  teams.forEach((t, i) => {
    if (seen.has(t.name)) issues.push({ key: key(["teams", i, "name"]), value: t.name, message: `${show(t.name)} is not allowed: team names must be unique` });
    seen.add(t.name);
  });
  return issues;
}

function withDefaults(cfg: StackConfigInput, modules: Modules, stack: string, project: string): StackConfig {
  const tier = TIER_DEFAULTS[cfg.tier];
  return {
    stack,
    project,
    cloud: cfg.cloud,
    backend: backendFor(cfg.cloud),
    tier: cfg.tier,
    costCenter: cfg.costCenter,
    region: cfg.region ?? DEFAULT_REGION[cfg.cloud],
    drRegion: cfg.drRegion ?? DEFAULT_DR_REGION[cfg.cloud],
    ...(cfg.gcpProject ? { gcpProject: cfg.gcpProject } : {}),
    tags: { ...(cfg.tags ?? {}) },
    protect: cfg.protect ?? tier.protectStateful,
    podSecurity: cfg.podSecurity ?? tier.podSecurity,
    policyEnforcement: cfg.policyEnforcement ?? tier.policyEnforcement,
    modules,
    network: {
      cidr: cfg.network?.cidr ?? "10.0.0.0/16",
      azCount: cfg.network?.azCount ?? (cfg.tier === "prod" ? 3 : 2),
      natGateways: cfg.network?.natGateways ?? tier.natGateways,
      flowLogs: cfg.network?.flowLogs ?? true,
      privateServicesCidr: cfg.network?.privateServicesCidr ?? "10.100.0.0/16",
    },
    objectStore: { ...cfg.objectStore, buckets: cfg.objectStore?.buckets ?? ["artifacts", "datasets"] },
    database: { ...cfg.database, enabled: cfg.database?.enabled ?? true },
    cache: { ...cfg.cache, enabled: cfg.cache?.enabled ?? true },
    streaming: { ...cfg.streaming },
    serving: {
      cpu: cfg.serving?.cpu ?? 2,
      memoryGi: cfg.serving?.memoryGi ?? 4,
      minInstances: cfg.serving?.minInstances ?? 1,
      maxInstances: cfg.serving?.maxInstances ?? 10,
    },
    alerts: {
      p1p2Enabled: cfg.alerts?.p1p2Enabled ?? false,
      emails: cfg.alerts?.emails ?? [],
      slack: cfg.alerts?.slack ?? false,
      pagerduty: cfg.alerts?.pagerduty ?? false,
      thresholds: { ...DEFAULT_THRESHOLDS, ...cfg.alerts?.thresholds },
    },
    budget: {
      monthlyUsd: cfg.budget?.monthlyUsd ?? tier.monthlyBudgetUsd,
      thresholdsPercent: cfg.budget?.thresholdsPercent ?? [50, 90, 100, 110],
      emails: cfg.budget?.emails ?? cfg.alerts?.emails ?? [],
    },
    backup: {
      schedule: cfg.backup?.schedule ?? tier.backup.schedule,
      retentionDays: cfg.backup?.retentionDays ?? tier.backup.retentionDays,
      crossRegionCopy: cfg.backup?.crossRegionCopy ?? tier.backup.crossRegionCopy,
    },
    teams: cfg.teams ?? [],
    kubernetes: {
      ...(cfg.kubernetes?.context ? { context: cfg.kubernetes.context } : {}),
      namespacePrefix: cfg.kubernetes?.namespacePrefix ?? "mlops",
    },
  };
}
