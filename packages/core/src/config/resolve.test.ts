import { describe, expect, it } from "@jest/globals";
import { ConfigError } from "./errors";
import { resolveStackConfig } from "./resolve";

const NS = "mlops-platform";
const base = { [`${NS}:cloud`]: "aws", [`${NS}:tier`]: "dev", [`${NS}:costCenter`]: "ml", [`${NS}:region`]: "us-east-1" };
const withKeys = (extra: Record<string, unknown>) => ({
  ...base,
  ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [`${NS}:${k}`, typeof v === "string" ? v : JSON.stringify(v)])),
});

function issuesOf(raw: Record<string, string>, stack = "dev"): string[] {
  try {
    resolveStackConfig(raw, { stack });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).issues.map((i) => `${i.key}: ${i.message}`);
  }
  throw new Error("expected a ConfigError");
}

describe("resolveStackConfig", () => {
  it("fills tier and cloud defaults for a minimal dev stack", () => {
    const cfg = resolveStackConfig(base, { stack: "dev" });
    expect(cfg.backend).toBe("aws");
    expect(cfg.protect).toBe(false);
    expect(cfg.policyEnforcement).toBe("advisory");
    expect(cfg.podSecurity).toBe("baseline");
    expect(cfg.backup).toEqual({ schedule: "0 3 * * 0", retentionDays: 7, crossRegionCopy: false });
    expect(cfg.modules).toEqual({ dataPipeline: "kinesis", mlPlatform: "mlflow", monitoring: "prometheus", serving: "kubernetes", featureStore: "none" });
    expect(cfg.alerts.p1p2Enabled).toBe(false);
    expect(cfg.alerts.thresholds.errorRateP0Percent).toBe(5);
    expect(cfg.budget.thresholdsPercent).toEqual([50, 90, 100, 110]);
    expect(cfg.drRegion).toBe("us-west-2");
  });

  it("gives prod daily backups kept 30 days, protection, restricted pods and mandatory policies", () => {
    const cfg = resolveStackConfig({ ...base, [`${NS}:tier`]: "prod" }, { stack: "prod" });
    expect(cfg.backup).toEqual({ schedule: "0 2 * * *", retentionDays: 30, crossRegionCopy: true });
    expect(cfg.protect).toBe(true);
    expect(cfg.podSecurity).toBe("restricted");
    expect(cfg.policyEnforcement).toBe("mandatory");
    // The network section passes through as given; the Network completes it (per-tier NAT, AZs: settings/network).
    expect(cfg.network).toEqual({});
  });

  it("names the key and the expected type for a wrong type", () => {
    expect(issuesOf(withKeys({ database: { sizeGb: "big" } }))).toEqual([
      `${NS}:database.sizeGb: "big" is not allowed: expected number`,
    ]);
  });

  it("lists the allowed values for an unknown slot value", () => {
    expect(issuesOf(withKeys({ modules: { dataPipeline: "rabbitmq" } }))).toEqual([
      `${NS}:modules.dataPipeline: "rabbitmq" is not allowed; allowed: "kafka", "kinesis", "pulsar", "pubsub", "none"`,
    ]);
  });

  it("rejects kinesis on gcp with the choices gcp has", () => {
    const raw = withKeys({ cloud: "gcp", region: "us-central1", gcpProject: "my-project-1", modules: { dataPipeline: "kinesis" } });
    expect(issuesOf(raw)).toEqual([`${NS}:modules.dataPipeline: "kinesis" is not available on gcp; allowed on gcp: pubsub, kafka, pulsar, none`]);
  });

  it("rejects sagemaker on the local Kind stack", () => {
    const raw = withKeys({ cloud: "local", modules: { mlPlatform: "sagemaker" } });
    expect(issuesOf(raw)).toEqual([`${NS}:modules.mlPlatform: "sagemaker" is not available on local; allowed on local: mlflow, kubeflow`]);
  });

  it("rejects a negative size", () => {
    expect(issuesOf(withKeys({ database: { sizeGb: -5 } }))).toEqual([`${NS}:database.sizeGb: -5 is not allowed: must be >= 20`]);
  });

  it("reports a missing required value", () => {
    const { [`${NS}:costCenter`]: _omit, ...raw } = base;
    expect(issuesOf(raw)).toEqual([`${NS}:costCenter: is required (expected string)`]);
  });

  it("requires a region and a project on gcp", () => {
    const { [`${NS}:region`]: _omit, ...raw } = withKeys({ cloud: "gcp" });
    expect(issuesOf(raw)).toEqual([`${NS}:gcpProject: is required when cloud is "gcp"`, `${NS}:region: is required when cloud is "gcp"`]);
  });

  it("reports every bad key together, including incompatibilities found next to schema errors", () => {
    const raw = withKeys({ cloud: "gcp", modules: { dataPipeline: "kinesis" }, database: { sizeGb: -1, sizeGB: 5 }, tier: "qa" });
    expect(issuesOf(raw)).toEqual([
      `${NS}:modules.dataPipeline: "kinesis" is not available on gcp; allowed on gcp: pubsub, kafka, pulsar, none`,
      `${NS}:tier: "qa" is not allowed; allowed: "dev", "staging", "prod"`,
      `${NS}:database.sizeGb: -1 is not allowed: must be >= 20`,
      `${NS}:database.sizeGB: unknown key "sizeGB"; did you mean "sizeGb"?`,
    ]);
  });

  it("suggests the key a typo meant, at the top level and inside a section; not for a key far from all", () => {
    expect(issuesOf(withKeys({ costCentre: "ml" }))).toEqual([`${NS}:costCentre: unknown key "costCentre"; did you mean "costCenter"?`]);
    expect(issuesOf(withKeys({ cache: { replcas: 2 } }))).toEqual([`${NS}:cache.replcas: unknown key "replcas"; did you mean "replicas"?`]);
    expect(issuesOf(withKeys({ frobnicate: true }))).toEqual([`${NS}:frobnicate: unknown key "frobnicate"`]);
  });

  it("formats one readable line per problem, without a stack trace", () => {
    try {
      resolveStackConfig(withKeys({ cache: { replicas: 9 } }), { stack: "dev" });
    } catch (err) {
      expect((err as Error).message).toBe(`Invalid configuration for stack "dev" (1 problem):\n  - ${NS}:cache.replicas: 9 is not allowed: must be <= 5`);
    }
    expect.assertions(1);
  });

  it("points at array elements by index", () => {
    expect(issuesOf(withKeys({ teams: [{ name: "ok", cpu: 1, memoryGi: 1 }, { name: "Bad_Name", cpu: 1, memoryGi: 1 }] }))).toEqual([
      `${NS}:teams[1].name: "Bad_Name" is not allowed: must be a DNS label: lowercase letters, digits and '-', starting with a letter`,
    ]);
  });

  it("rejects duplicate team names", () => {
    const t = { name: "ds", cpu: 1, memoryGi: 1 };
    expect(issuesOf(withKeys({ teams: [t, t] }))).toEqual([`${NS}:teams[1].name: "ds" is not allowed: team names must be unique`]);
  });

  it("needs the database and cache for feast, and the database for mlflow", () => {
    expect(issuesOf(withKeys({ modules: { featureStore: "feast" }, cache: { enabled: false } }))).toEqual([
      `${NS}:modules.featureStore: feast needs the database (registry) and the cache (online store); set database.enabled and cache.enabled to true, or featureStore to "none"`,
    ]);
    expect(issuesOf(withKeys({ database: { enabled: false } }))).toEqual([
      `${NS}:database.enabled: false is not allowed with mlPlatform "mlflow": MLflow keeps its tracking data in the database`,
    ]);
  });

  it("keeps prod strict: no advisory policies, no unprotected state", () => {
    expect(issuesOf(withKeys({ tier: "prod", policyEnforcement: "advisory", protect: false }), "prod")).toEqual([
      `${NS}:policyEnforcement: "advisory" is not allowed in prod; allowed: "mandatory"`,
      `${NS}:protect: false is not allowed in prod: stateful resources are always protected there`,
    ]);
  });

  it("checks engine versions against what the stack's backend runs", () => {
    // A schema error (database) stops before the component rules (cache): one run each.
    expect(issuesOf(withKeys({ database: { engineVersion: "12" } }))).toEqual([
      `${NS}:database.engineVersion: "12" is not allowed; allowed: "13", "14", "15", "16", "17"`,
    ]);
    expect(issuesOf(withKeys({ cache: { engineVersion: "7.2" } }))).toEqual([
      `${NS}:cache.engineVersion: "7.2" is not allowed on aws: use one of "6.2", "7.0", "7.1"`,
    ]);
  });

  it("rejects cache replicas the backend cannot run", () => {
    expect(issuesOf(withKeys({ cloud: "local", cache: { replicas: 1 } }))).toEqual([
      `${NS}:cache.replicas: 1 is not allowed on kubernetes: the in-cluster Redis is a single primary (replicas are not implemented); use 0`,
    ]);
    const gcp = withKeys({ cloud: "gcp", region: "us-central1", gcpProject: "mlops-test-1", tier: "prod", cache: { memorySizeGb: 2 } });
    expect(issuesOf(gcp, "gcp")).toEqual([
      `${NS}:cache.memorySizeGb: 2 is not allowed with replicas 2: Memorystore read replicas need at least 5 GB; raise memorySizeGb or use replicas 1`,
    ]);
  });

  it("keeps bucket retention to gcp, and never with versioning there", () => {
    expect(issuesOf(withKeys({ objectStore: { retentionDays: 30 } }))).toEqual([
      `${NS}:objectStore.retentionDays: 30 is not allowed on aws: a bucket retention policy exists on gcp only; use 0`,
    ]);
    const gcp = withKeys({ cloud: "gcp", region: "us-central1", gcpProject: "mlops-test-1", tier: "prod", objectStore: { versioning: true } });
    expect(issuesOf(gcp, "gcp")).toEqual([
      `${NS}:objectStore.versioning: true is not allowed with a retention policy (retentionDays 30): GCS cannot combine the two; set retentionDays to 0 or versioning to false`,
    ]);
  });

  it("checks the objectStore settings once for every bucket and leaves the registry's buckets key to the schema", () => {
    const cfg = resolveStackConfig(withKeys({ objectStore: { buckets: ["models", "datasets"], expireAfterDays: 400 } }), { stack: "dev" });
    expect(cfg.objectStore).toEqual({ buckets: ["models", "datasets"], expireAfterDays: 400 });
    expect(issuesOf(withKeys({ objectStore: { buckets: ["ab"], sizeGb: 5, transitionToColdAfterDays: 10 } }))).toEqual([
      `${NS}:objectStore.buckets[0]: "ab" is not allowed: must be of length >= 3`,
    ]);
    expect(issuesOf(withKeys({ objectStore: { buckets: ["models"], sizeGb: 5, transitionToColdAfterDays: 10 } }))).toEqual([
      `${NS}:objectStore.transitionToColdAfterDays: 10 is not allowed: S3 moves objects to STANDARD_IA no earlier than 30 days; use 30 or more`,
      `${NS}:objectStore.sizeGb: 5 is not allowed on aws: only the kubernetes backend (MinIO) has a volume to size; remove it`,
    ]);
  });

  it("skips the cache's rules when the cache is off", () => {
    expect(() => resolveStackConfig(withKeys({ cloud: "local", cache: { enabled: false, replicas: 1 } }), { stack: "local" })).not.toThrow();
  });

  it("checks ranges that span two keys", () => {
    expect(issuesOf(withKeys({ database: { sizeGb: 100, maxSizeGb: 50 }, serving: { minInstances: 5, maxInstances: 2 } }))).toEqual([
      `${NS}:serving.maxInstances: 2 is not allowed: must be >= serving.minInstances (5)`,
      `${NS}:database.maxSizeGb: 50 is not allowed: must be at least 10 % above sizeGb (100), i.e. >= 110, or unset`,
    ]);
  });

  it("ignores other namespaces and the secret keys, which are read as secrets", () => {
    const cfg = resolveStackConfig({ ...base, "aws:region": "us-east-1", [`${NS}:slackWebhookUrl`]: "https://hooks" }, { stack: "dev" });
    expect(cfg.region).toBe("us-east-1");
  });
});

describe("tag keys", () => {
  const resolveTags = (tags: Record<string, string>) => () =>
    resolveStackConfig({ "mlops-platform:cloud": "aws", "mlops-platform:tier": "dev", "mlops-platform:region": "us-east-1", "mlops-platform:costCenter": "ml", "mlops-platform:tags": JSON.stringify(tags) }, { stack: "dev" });

  it("rejects a key that is not a valid Kubernetes label name or uses the reserved aws: prefix, naming the key", () => {
    expect(resolveTags({ "team/owner": "a" })).toThrow('mlops-platform:tags.team/owner: "team/owner" is not allowed: must start with a letter');
    expect(resolveTags({ "aws:createdBy": "a" })).toThrow('mlops-platform:tags.aws:createdBy: "aws:createdBy" is not allowed: must start with a letter');
    expect(resolveTags({ "owner-": "a" })).toThrow("mlops-platform:tags.owner-");
  });

  it("rejects a standard key and a value longer than a label allows", () => {
    expect(resolveTags({ stack: "x" })).toThrow('mlops-platform:tags.stack: "stack" is not allowed: must not be one of the standard tags project, stack, tier, managed-by, cost-center');
    expect(resolveTags({ owner: "x".repeat(64) })).toThrow("mlops-platform:tags.owner: ");
    expect(resolveTags({ team: "ml" })).toThrow('mlops-platform:tags.team: "team" is not allowed: must not be "team": it would label every namespace as a team namespace (mlops.platform/team)');
  });

  it("accepts keys valid everywhere", () => {
    expect(resolveTags({ owner: "ml-platform", "data.class": "internal", team_name: "x" })().tags).toEqual({ owner: "ml-platform", "data.class": "internal", team_name: "x" });
  });
});
