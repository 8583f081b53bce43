import type * as pulumi from "@pulumi/pulumi";
import { BACKENDS, TIERS, TIER_DEFAULTS, invalidArg, requirePlacement } from "@mlops/core";
import { ENGINE_VERSIONS } from "./defaults";
import type { CacheArgs } from "./types";

/** Most replicas any backend accepts (ElastiCache and Memorystore both stop at 5). */
export const MAX_REPLICAS = 5;
/** Memorystore needs at least this much memory (GiB) for read replicas. */
export const GCP_READ_REPLICA_MIN_GB = 5;

const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(", ");

function integerIn(component: pulumi.Resource, input: string, value: number | undefined, min: number, max: number): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= min && value <= max)) {
    invalidArg(component, input, value, `use an integer from ${min} to ${max}`);
  }
}

function validatePlacement(component: pulumi.Resource, args: CacheArgs): void {
  const entry = requirePlacement(component, args.placement ?? {}, args.backend);
  if (args.backend !== "aws" || !("allowedCidrBlocks" in entry)) return;
  const cidrs = entry.allowedCidrBlocks;
  const open = cidrs.find((c) => c === "0.0.0.0/0" || c === "::/0");
  if (cidrs.length === 0 || open !== undefined) {
    invalidArg(component, "placement.aws.allowedCidrBlocks", cidrs.length === 0 ? cidrs : open, "list the private CIDR blocks that may reach Redis (e.g. the VPC CIDR), never 0.0.0.0/0 or ::/0");
  }
}

/**
 * Throws a ResourceError naming the input, its value and what is allowed for the first bad
 * arg. Runs before withDefaults; cross-field checks use the tier defaults the same way.
 */
export function validateArgs(component: pulumi.Resource, args: CacheArgs): void {
  if (!BACKENDS.includes(args.backend)) invalidArg(component, "backend", args.backend, `use one of ${quoted(BACKENDS)}`);
  if (!TIERS.includes(args.tier)) invalidArg(component, "tier", args.tier, `use one of ${quoted(TIERS)}`);
  validatePlacement(component, args);
  integerIn(component, "replicas", args.replicas, 0, MAX_REPLICAS);
  integerIn(component, "memorySizeGb", args.memorySizeGb, 1, 300);
  integerIn(component, "sizeGb", args.sizeGb, 1, 1000);
  if (args.nodeType !== undefined && !args.nodeType.startsWith("cache.")) {
    invalidArg(component, "nodeType", args.nodeType, 'use an ElastiCache node type starting with "cache." (e.g. "cache.t3.small")');
  }
  const versions = Object.keys(ENGINE_VERSIONS[args.backend]);
  if (args.engineVersion !== undefined && !versions.includes(args.engineVersion)) {
    invalidArg(component, "engineVersion", args.engineVersion, `on ${args.backend} use one of ${quoted(versions)}`);
  }
  if (args.backend === "kubernetes" && args.replicas !== undefined && args.replicas > 0) {
    invalidArg(component, "replicas", args.replicas, "the kubernetes backend runs a single Redis primary (in-cluster replicas are not implemented); use 0");
  }
  const tier = TIER_DEFAULTS[args.tier].cache;
  const replicas = args.replicas ?? tier.replicas;
  const memory = args.memorySizeGb ?? tier.gcpMemorySizeGb;
  if (args.backend === "gcp" && replicas >= 2 && memory < GCP_READ_REPLICA_MIN_GB) {
    invalidArg(component, "memorySizeGb", memory, `Memorystore read replicas (replicas ${replicas}) need at least ${GCP_READ_REPLICA_MIN_GB} GiB; raise memorySizeGb or use replicas 1`);
  }
}
