/** Where a stack runs. `local` is a Kind cluster with every service in-cluster. */
export const CLOUDS = ["aws", "gcp", "local"] as const;
export type Cloud = (typeof CLOUDS)[number];

/** The implementation family a component is built on. */
export const BACKENDS = ["aws", "gcp", "kubernetes"] as const;
export type Backend = (typeof BACKENDS)[number];

/** The tier drives sizes, HA, backups, protection, Pod Security and policy enforcement (SPEC §3). */
export const TIERS = ["dev", "staging", "prod"] as const;
export type Tier = (typeof TIERS)[number];

/** The backend that implements the managed services of a cloud. */
export function backendFor(cloud: Cloud): Backend {
  return cloud === "local" ? "kubernetes" : cloud;
}

/** Cost-center and ownership tags; every taggable resource carries them. */
export type Tags = Readonly<Record<string, string>>;
