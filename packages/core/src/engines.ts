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

/** Why a version is not allowed on a backend (the allowed list), or undefined when it is. */
export function redisVersionProblem(backend: Backend, version: string): string | undefined {
  const allowed = Object.keys(REDIS_VERSIONS[backend]);
  return allowed.includes(version) ? undefined : `on ${backend} use one of ${allowed.map((v) => `"${v}"`).join(", ")}`;
}

/**
 * Why a replica count does not fit a backend, or undefined: the in-cluster Redis is a single
 * primary, and Memorystore read replicas (2 or more) need at least 5 GiB.
 */
export function redisReplicaProblem(backend: Backend, replicas: number, memorySizeGb: number): { input: "replicas" | "memorySizeGb"; message: string } | undefined {
  if (backend === "kubernetes" && replicas > 0) {
    return { input: "replicas", message: "the kubernetes backend runs a single Redis primary (in-cluster replicas are not implemented); use 0" };
  }
  if (backend === "gcp" && replicas >= 2 && memorySizeGb < 5) {
    return { input: "memorySizeGb", message: `Memorystore read replicas (replicas ${replicas}) need at least 5 GiB; raise memorySizeGb or use replicas 1` };
  }
  return undefined;
}
