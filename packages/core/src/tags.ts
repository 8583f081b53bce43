import type { Tags, Tier } from "./platform";

export interface TagContext {
  project: string;
  stack: string;
  tier: Tier;
  costCenter: string;
  /** Extra tags from the stack config; they cannot override the standard ones. */
  extra?: Readonly<Record<string, string>>;
}

/** The tag keys every taggable resource must carry (checked by the stack tests). */
export const REQUIRED_TAG_KEYS = ["project", "stack", "tier", "managed-by", "cost-center"] as const;

/** AWS-style tags: the standard set plus the stack's extra tags. */
export function standardTags(ctx: TagContext): Tags {
  return {
    ...(ctx.extra ?? {}),
    project: ctx.project,
    stack: ctx.stack,
    tier: ctx.tier,
    "managed-by": "pulumi",
    "cost-center": ctx.costCenter,
  };
}

/** GCP labels allow only lowercase letters, digits, `_` and `-`, at most 63 characters. */
export function gcpLabels(tags: Tags): Record<string, string> {
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9_-]/g, "-").slice(0, 63);
  return Object.fromEntries(Object.entries(tags).map(([k, v]) => [clean(k), clean(v)]));
}

/** Kubernetes labels under a prefix, values cut to the 63 characters the API allows. */
export function kubernetesLabels(tags: Tags): Record<string, string> {
  const value = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, "-").slice(0, 63).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "");
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tags)) {
    out[k === "managed-by" ? "app.kubernetes.io/managed-by" : `mlops.platform/${k}`] = value(k === "managed-by" ? "pulumi" : v);
  }
  return out;
}
