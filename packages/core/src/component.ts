import * as pulumi from "@pulumi/pulumi";
import type { Backend, Tags, Tier } from "./platform";

/** Where a component's resources live, per backend. Only the entry for `backend` is read. */
export interface Placement {
  aws?: {
    /** VPC that holds the private subnets. */
    vpcId: pulumi.Input<string>;
    /** Private subnets for databases and caches (never public ones). */
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** CIDR blocks allowed to reach the service; the VPC CIDR, never 0.0.0.0/0. */
    allowedCidrBlocks: pulumi.Input<string>[];
  };
  gcp?: {
    project: pulumi.Input<string>;
    region: string;
    /** Self link / id of the VPC network used for private IP. */
    networkId: pulumi.Input<string>;
    /** Resources (e.g. the private services connection) that must exist first. */
    dependsOn?: pulumi.Resource[];
  };
  kubernetes?: {
    /** Namespace the workload runs in; created by the caller. */
    namespace: pulumi.Input<string>;
    /** StorageClass for persistent volumes; the cluster default when unset. */
    storageClass?: string;
  };
}

/** Args every platform component takes, whatever it builds. */
export interface PlatformComponentArgs {
  /** Which implementation to build: `aws`, `gcp` or `kubernetes`. */
  backend: Backend;
  /** Drives sizes, HA, backups and protection (see TIER_DEFAULTS). */
  tier: Tier;
  /** Tags (AWS), labels (GCP, Kubernetes) for every taggable child. */
  tags: Tags;
  placement: Placement;
  /** `protect` stateful children. Default: true in staging and prod, false in dev. */
  protect?: boolean;
}

/**
 * The placement entry for the component's backend, or a ResourceError that names the input
 * and what is allowed.
 */
export function requirePlacement<B extends keyof Placement>(
  component: pulumi.Resource,
  placement: Placement,
  backend: B,
): NonNullable<Placement[B]> {
  const entry = placement[backend];
  if (!entry) {
    throw new pulumi.ResourceError(`placement.${backend} is required when backend is "${backend}"`, component);
  }
  return entry as NonNullable<Placement[B]>;
}

/** Throws a ResourceError naming the input, its value and what is allowed. */
export function invalidArg(component: pulumi.Resource, input: string, value: unknown, allowed: string): never {
  throw new pulumi.ResourceError(`${input}: ${JSON.stringify(value)} is not allowed; ${allowed}`, component);
}

/** `true` when stateful resources are protected by default in this tier. */
export function protectByDefault(tier: Tier): boolean {
  return tier !== "dev";
}

/** The shared part of every component's resolved args. */
export interface ResolvedBase {
  backend: Backend;
  tier: Tier;
  tags: Tags;
  placement: Placement;
  protect: boolean;
}

/** Resolves the args every component shares: a copy of the tags and `protect` from the tier. */
export function resolveBase(args: PlatformComponentArgs): ResolvedBase {
  return { backend: args.backend, tier: args.tier, tags: { ...args.tags }, placement: args.placement, protect: args.protect ?? protectByDefault(args.tier) };
}

/**
 * The placement of a private data service: the backend's entry is present, and on aws the
 * allowed CIDR blocks are listed and never open (0.0.0.0/0, ::/0) and there are at least two
 * private subnets (Multi-AZ needs two zones). `fail` is the kit's error (input, value, allowed).
 */
export function checkPrivatePlacement(
  args: PlatformComponentArgs,
  service: string,
  fail: (input: string, value: unknown, allowed: string) => never,
): void {
  if (!args.placement[args.backend]) fail(`placement.${args.backend}`, undefined, `is required when backend is "${args.backend}"`);
  const aws = args.backend === "aws" ? args.placement.aws : undefined;
  if (!aws) return;
  const hint = `list the private CIDR blocks that may reach ${service} (e.g. the VPC CIDR), never 0.0.0.0/0 or ::/0`;
  if (aws.allowedCidrBlocks.length === 0) fail("placement.aws.allowedCidrBlocks", [], hint);
  for (const cidr of aws.allowedCidrBlocks) if (cidr === "0.0.0.0/0" || cidr === "::/0") fail("placement.aws.allowedCidrBlocks", cidr, hint);
  if (Array.isArray(aws.subnetIds) && aws.subnetIds.length < 2) {
    fail("placement.aws.subnetIds", aws.subnetIds.map((s) => (typeof s === "string" ? s : "<output>")), "use at least 2 private subnets in different availability zones");
  }
}
