import { backendFor, type Backend, type Cloud, type Tier } from "../platform";
import { TIER_DEFAULTS, type BackupDefaults, type EnforcementLevel, type PodSecurityLevel } from "../tiers";
import type { StackConfigInput } from "./schema";
import type { Modules } from "./slots";

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
  /** The network section as given; the Network component completes it (`networkSettings.complete`). */
  network: Defined<StackConfigInput["network"]>;
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
  cluster: Defined<StackConfigInput["cluster"]>;
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

/** Fills in the tier and cloud defaults of a validated config. Pure. */
export function withStackDefaults(cfg: StackConfigInput, modules: Modules, stack: string, project: string): StackConfig {
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
    network: { ...cfg.network },
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
    cluster: { ...cfg.cluster },
    kubernetes: {
      ...(cfg.kubernetes?.context ? { context: cfg.kubernetes.context } : {}),
      namespacePrefix: cfg.kubernetes?.namespacePrefix ?? "mlops",
    },
  };
}
