import { z } from "zod";
import { CLOUDS, TIERS } from "../platform";
import { ENFORCEMENT_LEVELS, POD_SECURITY_LEVELS } from "../tiers";
import { SLOT_VALUES } from "./slots";
import { REQUIRED_TAG_KEYS } from "../tags";

/** A tag key valid as a Kubernetes label name (unprefixed), a GCP label key (lowercased) and an AWS tag key. */
export const TAG_KEY = /^[A-Za-z]([A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?$/;
import { databaseSettingsSchema } from "../settings/database";
import { networkSettingsSchema } from "../settings/network";
import { objectStoreSettingsSchema } from "../settings/object-store";
import { cacheSettingsSchema } from "../settings/cache";
import { tenancySettingsSchema } from "../settings/tenancy";
import { clusterSettingsSchema } from "../settings/cluster";

// The whole stack configuration (every SPEC module), as written under the `mlops-platform:`
// namespace of Pulumi.<stack>.yaml. Objects are strict: a misspelt key is an error, not a
// silently ignored value. Defaults that depend on the tier or cloud are filled in by
// resolve.ts, so everything here is optional unless a stack cannot run without it.

const dnsLabel = z.string().regex(/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/, "must be a DNS label: lowercase letters, digits and '-', starting with a letter");
const cron = z.string().regex(/^(\S+\s+){4}\S+$/, "must be a 5-field cron expression, e.g. \"0 2 * * *\"");
const region = z.string().regex(/^[a-z]{2,}(-[a-z]+)+-?\d+$/, "must be a cloud region name such as \"us-east-1\" or \"us-central1\"");
/** Top-level booleans arrive from Pulumi config as the strings "true" / "false". */
const flag = z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean());
const percent = z.number().gt(0).lte(100);
const positiveInt = z.number().int().positive();
const days = z.number().int().min(1).max(3650);
const email = z.email();

export const modulesSchema = z.strictObject({
  dataPipeline: z.enum(SLOT_VALUES.dataPipeline).optional(),
  mlPlatform: z.enum(SLOT_VALUES.mlPlatform).optional(),
  monitoring: z.enum(SLOT_VALUES.monitoring).optional(),
  serving: z.enum(SLOT_VALUES.serving).optional(),
  featureStore: z.enum(SLOT_VALUES.featureStore).optional(),
});

/** The network section is the Network component's settings (one schema, one set of limits). */
export const networkSchema = networkSettingsSchema;

/**
 * The objectStore section is the ObjectStore's settings (applied to every bucket) plus `buckets`,
 * a key of the registry like `enabled`: one ObjectStore per logical name. At least 3 characters
 * (an S3/GCS/MinIO bucket name's minimum).
 */
export const objectStoreSchema = objectStoreSettingsSchema.extend({ buckets: z.array(dnsLabel.min(3)).min(1).max(10).optional() });

/** The database section is the Database component's settings (one schema, one set of limits). */
export const databaseSchema = databaseSettingsSchema.extend({ enabled: z.boolean().optional() });

/** The cache section is the Cache component's settings plus `enabled` (read by the registry). */
export const cacheSchema = cacheSettingsSchema.extend({ enabled: z.boolean().optional() });

export const streamingSchema = z.strictObject({
  shards: positiveInt.max(500).optional(),
  brokers: positiveInt.max(30).optional(),
  retentionHours: z.number().int().min(24).max(8760).optional(),
});

export const servingSchema = z.strictObject({
  cpu: z.number().positive().max(8).optional(),
  memoryGi: z.number().positive().max(32).optional(),
  minInstances: z.number().int().min(0).max(100).optional(),
  maxInstances: z.number().int().min(1).max(1000).optional(),
});

/** Alert thresholds (seeds 001 and 004); fractions are 0..1, percentages 0..100. */
export const thresholdsSchema = z.strictObject({
  errorRateP0Percent: percent.optional(),
  memoryP0Percent: percent.optional(),
  latencyP95Seconds: z.number().positive().optional(),
  driftFeatureFraction: z.number().gt(0).lte(1).optional(),
  minPredictionConfidence: z.number().gt(0).lt(1).optional(),
  errorRateP2Percent: percent.optional(),
  minAccuracyPercent: percent.optional(),
  cpuP2Percent: percent.optional(),
  diskFreeP2Percent: percent.optional(),
  dbConnectionPoolPercent: percent.optional(),
  utilisationPercent: percent.optional(),
});

export const alertsSchema = z.strictObject({
  /** P1/P2 alerts notify only once enabled; until then they run in shadow mode (seed 004). */
  p1p2Enabled: z.boolean().optional(),
  emails: z.array(email).optional(),
  /** Slack / PagerDuty keys come from the secret config keys `slackWebhookUrl` / `pagerdutyKey`. */
  slack: z.boolean().optional(),
  pagerduty: z.boolean().optional(),
  thresholds: thresholdsSchema.optional(),
});

export const budgetSchema = z.strictObject({
  monthlyUsd: positiveInt.optional(),
  thresholdsPercent: z.array(z.number().int().positive().max(500)).min(1).max(10).optional(),
  emails: z.array(email).optional(),
});

export const backupSchema = z.strictObject({
  schedule: cron.optional(),
  retentionDays: days.optional(),
  crossRegionCopy: z.boolean().optional(),
});

export const kubernetesSchema = z.strictObject({
  /** kubeconfig context of the existing cluster the local stack uses (the Cluster's kubernetes backend). Default "kind-mlops". aws/gcp: not allowed. */
  context: z.string().min(1).optional(),
  /** Prefix of every namespace the platform creates (the Tenancy component's setting). */
  namespacePrefix: tenancySettingsSchema.shape.namespacePrefix,
});

/** Everything under `mlops-platform:` in a stack file. */
export const stackConfigSchema = z.strictObject({
  cloud: z.enum(CLOUDS),
  tier: z.enum(TIERS),
  costCenter: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,62}$/, "must be 1-63 letters, digits, ' ', '_', '.' or '-'"),
  region: region.optional(),
  /** Disaster-recovery region (seed 002: prod in us-east-1, DR in us-west-2). */
  drRegion: region.optional(),
  gcpProject: z.string().regex(/^[a-z][-a-z0-9]{4,28}[a-z0-9]$/, "must be a GCP project id (6-30 lowercase letters, digits, '-')").optional(),
  /**
   * Extra tags on every taggable resource: AWS tags, GCP labels and Kubernetes labels
   * (`mlops.platform/<key>`), so a key must be valid in all three: a Kubernetes label name
   * (no `/`, which the prefix already uses), no `aws:` prefix (no `:` at all), not one of
   * the standard keys the platform sets itself.
   */
  tags: z.record(
    z.string()
      .regex(TAG_KEY, "must start with a letter, end with a letter or digit, and hold only letters, digits, '_', '.' and '-' (at most 63): it becomes a Kubernetes label name and a GCP label key (no '/' or ':', so no 'aws:' prefix either)")
      .refine((k) => !(REQUIRED_TAG_KEYS as readonly string[]).includes(k), `must not be one of the standard tags ${REQUIRED_TAG_KEYS.join(", ")}, which the platform sets itself`)
      // Tags become `mlops.platform/<key>` labels; `mlops.platform/team` marks a team namespace (its quota policy).
      .refine((k) => k !== "team", "must not be \"team\": it would label every namespace as a team namespace (mlops.platform/team)"),
    z.string().max(63, "must be at most 63 characters (a Kubernetes and GCP label value)"),
  ).optional(),
  protect: flag.optional(),
  podSecurity: z.enum(POD_SECURITY_LEVELS).optional(),
  policyEnforcement: z.enum(ENFORCEMENT_LEVELS).optional(),
  modules: modulesSchema.optional(),
  network: networkSchema.optional(),
  objectStore: objectStoreSchema.optional(),
  database: databaseSchema.optional(),
  cache: cacheSchema.optional(),
  streaming: streamingSchema.optional(),
  serving: servingSchema.optional(),
  alerts: alertsSchema.optional(),
  budget: budgetSchema.optional(),
  backup: backupSchema.optional(),
  teams: tenancySettingsSchema.shape.teams,
  kubernetes: kubernetesSchema.optional(),
  /** The Cluster component's settings (one schema, one set of limits). */
  cluster: clusterSettingsSchema.optional(),
});

export type StackConfigInput = z.infer<typeof stackConfigSchema>;
