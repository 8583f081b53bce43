import type * as pulumi from "@pulumi/pulumi";
import { BACKENDS, TIERS, TIER_DEFAULTS, invalidArg, requirePlacement } from "@mlops/core";
import { effectiveRetentionDays } from "./defaults";
import type { ObjectStoreArgs } from "./types";

/** The number of days S3 requires before a transition to STANDARD_IA. */
export const MIN_COLD_TRANSITION_DAYS = 30;

function intIn(parent: pulumi.Resource, input: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) invalidArg(parent, input, value, `must be an integer from ${min} to ${max}`);
}

/** Throws a ResourceError naming the first bad input, its value and what is allowed. */
export function validateArgs(parent: pulumi.Resource, args: ObjectStoreArgs): void {
  if (!(BACKENDS as readonly string[]).includes(args.backend)) invalidArg(parent, "backend", args.backend, `expected one of ${BACKENDS.map((b) => `"${b}"`).join(", ")}`);
  if (!(TIERS as readonly string[]).includes(args.tier)) invalidArg(parent, "tier", args.tier, `expected one of ${TIERS.map((t) => `"${t}"`).join(", ")}`);
  requirePlacement(parent, args.placement, args.backend);
  const lc = args.lifecycle ?? {};
  intIn(parent, "lifecycle.transitionToColdAfterDays", lc.transitionToColdAfterDays, MIN_COLD_TRANSITION_DAYS, 3650);
  intIn(parent, "lifecycle.expireNoncurrentAfterDays", lc.expireNoncurrentAfterDays, 1, 3650);
  intIn(parent, "lifecycle.expireAfterDays", lc.expireAfterDays, 1, 3650);
  // S3 rejects an expiration that is not later than a transition; the tier's transition counts too.
  const cold = lc.transitionToColdAfterDays ?? TIER_DEFAULTS[args.tier].objectStore.transitionToColdAfterDays;
  if (lc.expireAfterDays !== undefined && lc.expireAfterDays <= cold) {
    invalidArg(parent, "lifecycle.expireAfterDays", lc.expireAfterDays, `must be greater than lifecycle.transitionToColdAfterDays (${cold})`);
  }
  intIn(parent, "retentionDays", args.retentionDays, 0, 3650);
  intIn(parent, "sizeGb", args.sizeGb, 1, 10000);
  if (args.retentionDays !== undefined && args.retentionDays > 0 && args.backend !== "gcp") {
    invalidArg(parent, "retentionDays", args.retentionDays, `a retention policy is only available on the gcp backend; use 0 on ${args.backend}`);
  }
  const retentionDays = effectiveRetentionDays(args);
  if (args.versioning === true && retentionDays > 0) {
    invalidArg(parent, "versioning", true, `GCS cannot combine versioning with a retention policy (retentionDays ${retentionDays}); set retentionDays to 0 or versioning to false`);
  }
}
