import type { Backend } from "./platform";

// Engine versions per backend, in one place: the config schema rejects a version the stack's
// backend cannot run before anything is registered, and the components map it to the
// service's own value.

/** PostgreSQL major versions, the same on RDS, Cloud SQL and the official image. */
export const POSTGRES_VERSIONS = ["13", "14", "15", "16", "17"] as const;
export const DEFAULT_POSTGRES_VERSION = "16";

/**
 * Redis versions each backend accepts, mapped to the service's own value: the ElastiCache
 * `engineVersion` (Redis OSS stops at 7.1 there; 7.2 is Valkey only), the Memorystore
 * `redisVersion`, or the pinned official container image (patched for CVE-2025-49844).
 */
export const REDIS_VERSIONS: Readonly<Record<Backend, Readonly<Record<string, string>>>> = {
  aws: { "6.2": "6.2", "7.0": "7.0", "7.1": "7.1" },
  gcp: { "6.2": "REDIS_6_X", "7.0": "REDIS_7_0", "7.2": "REDIS_7_2" },
  kubernetes: { "6.2": "redis:6.2.20-alpine", "7.2": "redis:7.2.11-alpine", "7.4": "redis:7.4.6-alpine" },
};

/** The Redis version used when none is set: the newest one aws offers, 7.2 elsewhere. */
export const DEFAULT_REDIS_VERSION: Readonly<Record<Backend, string>> = { aws: "7.1", gcp: "7.2", kubernetes: "7.2" };
