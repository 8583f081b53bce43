import { z } from "zod";
import type { Backend, Tier } from "../platform";
import { DEFAULT_REDIS_VERSION, REDIS_VERSIONS } from "../engines";
import { defineSettings } from "../kit/settings";
import type { SettingIssue } from "../kit/issues";
import { show } from "../kit/issues";

/** ElastiCache (cluster mode off) and Memorystore STANDARD_HA both stop at 5 replicas. */
export const MAX_CACHE_REPLICAS = 5;
/** Memorystore read replicas (replicas >= 2, READ_REPLICAS_ENABLED) need an instance of at least 5 GB. */
export const GCP_READ_REPLICA_MIN_GB = 5;
/** Memorystore for Redis (BASIC / STANDARD_HA) instances hold 1 to 300 GB. */
export const MAX_CACHE_MEMORY_GB = 300;

/** Per-tier defaults of the Cache. */
export const CACHE_TIER_DEFAULTS: Readonly<Record<Tier, { awsNodeType: string; memorySizeGb: number; replicas: number; sizeGb: number }>> = {
  dev: { awsNodeType: "cache.t3.small", memorySizeGb: 1, replicas: 0, sizeGb: 10 },
  staging: { awsNodeType: "cache.t3.medium", memorySizeGb: 2, replicas: 1, sizeGb: 20 },
  prod: { awsNodeType: "cache.r6g.large", memorySizeGb: 5, replicas: 2, sizeGb: 50 },
};

export const cacheSettingsSchema = z.strictObject({
  /**
   * Redis version; each backend takes what its service offers (`REDIS_VERSIONS`): aws "6.2" |
   * "7.0" | "7.1" (ElastiCache Redis OSS), gcp "6.2" | "7.0" | "7.2" (Memorystore), kubernetes
   * "6.2" | "7.2" | "7.4" (pinned official images). Default: "7.1" on aws, "7.2" elsewhere.
   */
  engineVersion: z.string().optional(),
  /** aws: ElastiCache node type (`cache.t3.small`). Default: the tier's (cache.t3.small / cache.t3.medium / cache.r6g.large). Rejected on gcp and kubernetes, where it has no effect. */
  nodeType: z.string().regex(/^cache\.[a-z0-9-]+\.[a-z0-9]+$/, 'must be an ElastiCache node type such as "cache.t3.small"').optional(),
  /** gcp: Memorystore size in GB; kubernetes: the container's memory limit (maxmemory is 75 % of it). Default: the tier's (1 / 2 / 5). Rejected on aws, where the node type sets the memory. */
  memorySizeGb: z.number().int().min(1).max(MAX_CACHE_MEMORY_GB).optional(),
  /**
   * Replicas. aws: read replicas, Multi-AZ with automatic failover when > 0; gcp: STANDARD_HA when
   * > 0, read replicas enabled when >= 2 (needs memorySizeGb >= 5); kubernetes: 0 only (a single
   * primary). Default: the tier's (0 / 1 / 2) on aws and gcp, 0 on kubernetes.
   */
  replicas: z.number().int().min(0).max(MAX_CACHE_REPLICAS).optional(),
  /** kubernetes: the data volume (AOF) in GiB. Default: the tier's (10 / 20 / 50). Rejected on aws and gcp, which have no volume to size. */
  sizeGb: z.number().int().min(1).max(1000).optional(),
});

export type CacheSettings = z.output<typeof cacheSettingsSchema>;

/** The completed settings. */
export interface CompleteCacheSettings {
  /** A key of `REDIS_VERSIONS[backend]` once checked. */
  engineVersion: string;
  /** "" off aws. */
  nodeType: string;
  memorySizeGb: number;
  replicas: number;
  sizeGb: number;
}

const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(", ");

/** Rejects a setting the backend would ignore, when the user set it. */
function noEffect(issues: SettingIssue[], key: keyof CacheSettings, value: unknown, backend: Backend, why: string): void {
  if (value !== undefined) issues.push({ path: [key], value, message: `${show(value)} is not allowed on ${backend}: ${why}; remove it` });
}

export const cacheSettings = defineSettings({
  section: "cache",
  schema: cacheSettingsSchema,
  toggle: true,
  complete(given, { backend, tier }): CompleteCacheSettings {
    const t = CACHE_TIER_DEFAULTS[tier];
    return {
      engineVersion: given.engineVersion ?? DEFAULT_REDIS_VERSION[backend],
      nodeType: given.nodeType ?? (backend === "aws" ? t.awsNodeType : ""),
      memorySizeGb: given.memorySizeGb ?? t.memorySizeGb,
      // The in-cluster Redis is a single primary whatever the tier.
      replicas: given.replicas ?? (backend === "kubernetes" ? 0 : t.replicas),
      sizeGb: given.sizeGb ?? t.sizeGb,
    };
  },
  check(c, given, { backend }): SettingIssue[] {
    const issues: SettingIssue[] = [];
    const versions = Object.keys(REDIS_VERSIONS[backend]);
    if (!versions.includes(c.engineVersion)) {
      issues.push({ path: ["engineVersion"], value: c.engineVersion, message: `${show(c.engineVersion)} is not allowed on ${backend}: use one of ${quoted(versions)}` });
    }
    if (backend === "kubernetes" && c.replicas > 0) {
      issues.push({ path: ["replicas"], value: c.replicas, message: `${c.replicas} is not allowed on kubernetes: the in-cluster Redis is a single primary (replicas are not implemented); use 0` });
    }
    if (backend === "gcp" && c.replicas >= 2 && c.memorySizeGb < GCP_READ_REPLICA_MIN_GB) {
      issues.push({
        path: ["memorySizeGb"],
        value: c.memorySizeGb,
        message: `${c.memorySizeGb} is not allowed with replicas ${c.replicas}: Memorystore read replicas need at least ${GCP_READ_REPLICA_MIN_GB} GB; raise memorySizeGb or use replicas 1`,
      });
    }
    if (backend !== "aws") noEffect(issues, "nodeType", given.nodeType, backend, backend === "gcp" ? "Memorystore is sized by memorySizeGb" : "the in-cluster Redis is sized by memorySizeGb");
    if (backend === "aws") noEffect(issues, "memorySizeGb", given.memorySizeGb, backend, "the ElastiCache node type sets the memory (nodeType)");
    if (backend !== "kubernetes") noEffect(issues, "sizeGb", given.sizeGb, backend, "only the kubernetes backend has a data volume");
    return issues;
  },
});
