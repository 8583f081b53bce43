import { z } from "zod";
import type { Backend, Tier } from "../platform";
import { TIER_DEFAULTS } from "../tiers";
import { defineSettings } from "../kit/settings";
import type { SettingIssue } from "../kit/issues";

/** An IPv4 CIDR block as numbers: the first address and the prefix length. */
export interface Ipv4Block {
  start: number;
  prefix: number;
}

/** `10.0.0.0/16` → its first address and prefix; undefined when not a well-formed IPv4 block. */
export function parseCidr(cidr: string): Ipv4Block | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  return { start: octets.reduce((a, o) => a * 256 + o, 0), prefix };
}

const size = (b: Ipv4Block) => 2 ** (32 - b.prefix);

/** No address bits set past the prefix: clouds reject `10.0.1.0/16`. */
export function isAligned(cidr: string): boolean {
  const b = parseCidr(cidr);
  return b !== undefined && b.start % size(b) === 0;
}

/** Whether two IPv4 blocks share an address. */
export function overlaps(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  if (!x || !y) return false;
  return x.start < y.start + size(y) && y.start < x.start + size(x);
}

/**
 * An IPv4 CIDR block whose prefix is within `[min, max]` and which has no bits set past the
 * prefix. Each problem has its own message (the first one found).
 */
function ipv4Cidr(min: number, max: number, example: string, why: string) {
  return z
    .string()
    .refine((v) => parseCidr(v) !== undefined, { message: `must be an IPv4 CIDR block such as "${example}"`, abort: true })
    .refine((v) => {
      const p = (parseCidr(v) as Ipv4Block).prefix;
      return p >= min && p <= max;
    }, { message: `must be an IPv4 CIDR block from /${min} to /${max}, e.g. "${example}" (${why})`, abort: true })
    .refine(isAligned, { message: `must have no address bits set past the prefix, e.g. "${example}"` });
}

/**
 * Limits: a VPC (aws) takes /16 to /28 but 2-3 AZs of private and public subnets need room, so
 * /24 is the smallest; a GCP subnetwork's primary range the same. Private services access wants
 * at least a /24 (Google recommends /16). GKE: the Pod range is at most /9 and gives each node a
 * /24 (110 Pods per node), so a /21 (8 nodes) is the smallest useful one; the Services range /16
 * to /24 here (at least 256 ClusterIPs).
 */
export const NETWORK_LIMITS = {
  cidr: { min: 16, max: 24 },
  privateServicesCidr: { min: 16, max: 24 },
  podsCidr: { min: 9, max: 21 },
  servicesCidr: { min: 16, max: 24 },
} as const;

/** GKE's secondary range names on the subnetwork (unique per subnetwork, RFC 1035). */
export const GKE_RANGE_NAMES = { pods: "pods", services: "services" } as const;

/** Per-tier defaults of the Network. NAT gateways follow TIER_DEFAULTS (one shared outside prod). */
export const NETWORK_TIER_DEFAULTS: Readonly<Record<Tier, { azCount: number; natGateways: "single" | "one-per-az"; vpcEndpoints: boolean }>> = {
  dev: { azCount: 2, natGateways: TIER_DEFAULTS.dev.natGateways, vpcEndpoints: false },
  staging: { azCount: 2, natGateways: TIER_DEFAULTS.staging.natGateways, vpcEndpoints: true },
  prod: { azCount: 3, natGateways: TIER_DEFAULTS.prod.natGateways, vpcEndpoints: true },
};

/** Defaults that do not overlap each other (nor the 10.10/10.20/10.30 stack ranges). */
export const NETWORK_DEFAULTS = {
  cidr: "10.0.0.0/16",
  privateServicesCidr: "10.100.0.0/16",
  podsCidr: "10.64.0.0/14",
  servicesCidr: "10.68.0.0/20",
} as const;

const L = NETWORK_LIMITS;

export const networkSettingsSchema = z.strictObject({
  /** VPC (aws) / subnetwork primary range (gcp), /16 to /24. Default "10.0.0.0/16". */
  cidr: ipv4Cidr(L.cidr.min, L.cidr.max, "10.0.0.0/16", "room for the subnets of 2-3 zones").optional(),
  /** aws: availability zones, each with a private and a public subnet. Default: 3 in prod, 2 otherwise. gcp: no effect (a subnetwork is regional); setting it is rejected. */
  azCount: z.number().int().min(2).max(3).optional(),
  /** aws: one NAT gateway shared by every AZ, or one per AZ. Default: "one-per-az" in prod, "single" otherwise. gcp: no effect (Cloud NAT is regional); setting it is rejected. */
  natGateways: z.enum(["single", "one-per-az"]).optional(),
  /** VPC flow logs (aws: to an encrypted CloudWatch log group; gcp: subnetwork flow logs). Default: true. */
  flowLogs: z.boolean().optional(),
  /**
   * aws: an S3 gateway endpoint on the private route tables and interface endpoints (ECR api and
   * dkr, STS, CloudWatch Logs) in the private subnets, so that traffic stays off the NAT.
   * Default: true in staging and prod, false in dev. gcp: no effect (Private Google Access is
   * always on); setting it is rejected.
   */
  vpcEndpoints: z.boolean().optional(),
  /** gcp: the range reserved for private services access (Cloud SQL, Memorystore), /16 to /24. Default "10.100.0.0/16". aws: no effect; setting it is rejected. */
  privateServicesCidr: ipv4Cidr(L.privateServicesCidr.min, L.privateServicesCidr.max, "10.100.0.0/16", "private services access needs at least a /24").optional(),
  /** gcp: the subnetwork's secondary range for GKE Pods, /9 to /21. Default "10.64.0.0/14". aws: no effect; setting it is rejected. */
  podsCidr: ipv4Cidr(L.podsCidr.min, L.podsCidr.max, "10.64.0.0/14", "each node takes a /24, a /21 holds 8 nodes").optional(),
  /** gcp: the subnetwork's secondary range for GKE Services, /16 to /24. Default "10.68.0.0/20". aws: no effect; setting it is rejected. */
  servicesCidr: ipv4Cidr(L.servicesCidr.min, L.servicesCidr.max, "10.68.0.0/20", "at least 256 Service addresses").optional(),
});

export type NetworkSettings = z.output<typeof networkSettingsSchema>;

export interface CompleteNetworkSettings {
  cidr: string;
  azCount: number;
  natGateways: "single" | "one-per-az";
  flowLogs: boolean;
  vpcEndpoints: boolean;
  privateServicesCidr: string;
  podsCidr: string;
  servicesCidr: string;
}

type Key = keyof CompleteNetworkSettings;

/** The keys that only one backend reads; the others reject them when set. */
const ONLY_ON: Readonly<Partial<Record<Key, { backend: Backend; why: string }>>> = {
  azCount: { backend: "aws", why: "a GCP subnetwork is regional" },
  natGateways: { backend: "aws", why: "Cloud NAT is regional, one per region" },
  vpcEndpoints: { backend: "aws", why: "Private Google Access is always on" },
  privateServicesCidr: { backend: "gcp", why: "it reserves the GCP private services access range" },
  podsCidr: { backend: "gcp", why: "it is a GKE secondary range" },
  servicesCidr: { backend: "gcp", why: "it is a GKE secondary range" },
};

/** The ranges of one gcp subnetwork and its peering, in the order their overlaps are reported. */
const GCP_RANGES: readonly Key[] = ["cidr", "privateServicesCidr", "podsCidr", "servicesCidr"];

const shown = (v: unknown) => (typeof v === "string" ? `"${v}"` : String(v));

export const networkSettings = defineSettings({
  section: "network",
  schema: networkSettingsSchema,
  complete(given, { tier }): CompleteNetworkSettings {
    const t = NETWORK_TIER_DEFAULTS[tier];
    return {
      cidr: given.cidr ?? NETWORK_DEFAULTS.cidr,
      azCount: given.azCount ?? t.azCount,
      natGateways: given.natGateways ?? t.natGateways,
      flowLogs: given.flowLogs ?? true,
      vpcEndpoints: given.vpcEndpoints ?? t.vpcEndpoints,
      privateServicesCidr: given.privateServicesCidr ?? NETWORK_DEFAULTS.privateServicesCidr,
      podsCidr: given.podsCidr ?? NETWORK_DEFAULTS.podsCidr,
      servicesCidr: given.servicesCidr ?? NETWORK_DEFAULTS.servicesCidr,
    };
  },
  check(c, given, { backend }): SettingIssue[] {
    const issues: SettingIssue[] = [];
    const set = (k: Key) => given[k] !== undefined;
    if (backend === "kubernetes") {
      // No network is built in-cluster: the namespace is the boundary (tenancy).
      for (const k of Object.keys(given) as Key[]) {
        if (set(k)) issues.push({ path: [k], value: given[k], message: `${shown(given[k])} is not allowed on kubernetes: no network is built in-cluster (the namespace and its NetworkPolicies are the boundary); remove the network section` });
      }
      return issues;
    }
    for (const [k, only] of Object.entries(ONLY_ON) as [Key, { backend: Backend; why: string }][]) {
      if (set(k) && only.backend !== backend) {
        issues.push({ path: [k], value: given[k], message: `${shown(given[k])} is not allowed on ${backend}: ${k} has an effect on ${only.backend} only (${only.why}); remove it` });
      }
    }
    if (backend === "gcp") {
      // A default that collides is reported on the key the user set; two set keys on the later one.
      for (let i = 0; i < GCP_RANGES.length; i++) {
        for (let j = i + 1; j < GCP_RANGES.length; j++) {
          const a = GCP_RANGES[i] as Key;
          const b = GCP_RANGES[j] as Key;
          if (!overlaps(c[a] as string, c[b] as string)) continue;
          const key = set(b) ? b : a;
          const other = key === b ? a : b;
          issues.push({ path: [key], value: c[key], message: `${shown(c[key])} is not allowed: overlaps ${other} (${shown(c[other])}${set(other) ? "" : ", its default"}); the subnetwork's ranges and the private services range must not overlap` });
        }
      }
    }
    return issues;
  },
});
