import { z } from "zod";
import type { Tier } from "../platform";
import { defineSettings } from "../kit/settings";
import type { SettingIssue } from "../kit/issues";
import { show } from "../kit/issues";

/** S3 moves objects to STANDARD_IA no earlier than 30 days after creation. */
export const MIN_COLD_TRANSITION_DAYS = 30;
/** Longest lifecycle or retention period accepted: ten years. */
export const MAX_LIFECYCLE_DAYS = 3650;

/** Per-tier defaults of the ObjectStore. */
export const OBJECT_STORE_TIER_DEFAULTS: Readonly<Record<Tier, { transitionToColdAfterDays: number; expireNoncurrentAfterDays: number; gcpRetentionDays: number; sizeGb: number }>> = {
  dev: { transitionToColdAfterDays: 30, expireNoncurrentAfterDays: 30, gcpRetentionDays: 0, sizeGb: 10 },
  staging: { transitionToColdAfterDays: 60, expireNoncurrentAfterDays: 60, gcpRetentionDays: 0, sizeGb: 20 },
  prod: { transitionToColdAfterDays: 90, expireNoncurrentAfterDays: 90, gcpRetentionDays: 30, sizeGb: 50 },
};

const days = z.number().int().min(1).max(MAX_LIFECYCLE_DAYS);

// Lifecycle keys are flat, the same in the component args and the stack config section.
export const objectStoreSettingsSchema = z.strictObject({
  /**
   * Keep prior versions of every object (S3 / GCS versioning, `mc version enable` on MinIO).
   * Default: true, except on gcp when a retention policy applies (GCS cannot combine the two, so
   * `true` is rejected there).
   */
  versioning: z.boolean().optional(),
  /**
   * Days before current objects move to a cold class (S3 STANDARD_IA, GCS NEARLINE), and 90 days
   * later to a colder one (GLACIER_IR, COLDLINE) unless they expire first. At least 30 (S3's
   * minimum for STANDARD_IA). Default: the tier's (30 / 60 / 90). kubernetes: MinIO has no cold
   * class, rejected when set.
   */
  transitionToColdAfterDays: days.optional(),
  /** Days before non-current versions are deleted (on every backend). Default: the tier's (30 / 60 / 90). */
  expireNoncurrentAfterDays: days.optional(),
  /** Days before current objects are deleted (on every backend); later than transitionToColdAfterDays. Default: never. */
  expireAfterDays: days.optional(),
  /** gcp: bucket retention policy in days, not locked (0 = none). Default: the tier's on gcp (0 / 0 / 30). Only 0 on aws and kubernetes. */
  retentionDays: z.number().int().min(0).max(MAX_LIFECYCLE_DAYS).optional(),
  /** kubernetes: the MinIO volume in GiB. Default: the tier's (10 / 20 / 50). Rejected on aws and gcp (no volume to size). */
  sizeGb: z.number().int().min(1).max(10000).optional(),
});

export type ObjectStoreSettings = z.output<typeof objectStoreSettingsSchema>;

/** The completed settings. */
export interface CompleteObjectStoreSettings {
  versioning: boolean;
  transitionToColdAfterDays: number;
  expireNoncurrentAfterDays: number;
  /** Undefined: current objects never expire. */
  expireAfterDays: number | undefined;
  /** 0 (none) off gcp unless set, which check rejects. */
  retentionDays: number;
  sizeGb: number;
}

export const objectStoreSettings = defineSettings({
  section: "objectStore",
  schema: objectStoreSettingsSchema,
  complete(given, { backend, tier }): CompleteObjectStoreSettings {
    const t = OBJECT_STORE_TIER_DEFAULTS[tier];
    const retentionDays = given.retentionDays ?? (backend === "gcp" ? t.gcpRetentionDays : 0);
    return {
      // A retention policy wins over versioning by default: GCS cannot combine the two.
      versioning: given.versioning ?? retentionDays === 0,
      transitionToColdAfterDays: given.transitionToColdAfterDays ?? t.transitionToColdAfterDays,
      expireNoncurrentAfterDays: given.expireNoncurrentAfterDays ?? t.expireNoncurrentAfterDays,
      expireAfterDays: given.expireAfterDays,
      retentionDays,
      sizeGb: given.sizeGb ?? t.sizeGb,
    };
  },
  check(c, given, { backend }): SettingIssue[] {
    const issues: SettingIssue[] = [];
    if (c.transitionToColdAfterDays < MIN_COLD_TRANSITION_DAYS) {
      issues.push({
        path: ["transitionToColdAfterDays"],
        value: c.transitionToColdAfterDays,
        message: `${c.transitionToColdAfterDays} is not allowed: S3 moves objects to STANDARD_IA no earlier than ${MIN_COLD_TRANSITION_DAYS} days; use ${MIN_COLD_TRANSITION_DAYS} or more`,
      });
    }
    // S3 rejects an expiration that is not later than a transition; the tier's transition counts too.
    if (c.expireAfterDays !== undefined && c.expireAfterDays <= c.transitionToColdAfterDays) {
      issues.push({ path: ["expireAfterDays"], value: c.expireAfterDays, message: `${c.expireAfterDays} is not allowed: must be greater than transitionToColdAfterDays (${c.transitionToColdAfterDays})` });
    }
    if (c.retentionDays > 0 && backend !== "gcp") {
      issues.push({ path: ["retentionDays"], value: c.retentionDays, message: `${c.retentionDays} is not allowed on ${backend}: a bucket retention policy exists on gcp only; use 0` });
    }
    if (given.versioning === true && c.retentionDays > 0) {
      issues.push({
        path: ["versioning"],
        value: true,
        message: `true is not allowed with a retention policy (retentionDays ${c.retentionDays}): GCS cannot combine the two; set retentionDays to 0 or versioning to false`,
      });
    }
    if (backend === "kubernetes" && given.transitionToColdAfterDays !== undefined) {
      issues.push({ path: ["transitionToColdAfterDays"], value: given.transitionToColdAfterDays, message: `${show(given.transitionToColdAfterDays)} is not allowed on kubernetes: MinIO has no colder storage class; remove it` });
    }
    if (backend !== "kubernetes" && given.sizeGb !== undefined) {
      issues.push({ path: ["sizeGb"], value: given.sizeGb, message: `${show(given.sizeGb)} is not allowed on ${backend}: only the kubernetes backend (MinIO) has a volume to size; remove it` });
    }
    return issues;
  },
});
