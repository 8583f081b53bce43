import { CONFIG_NAMESPACE, ENFORCEMENT_LEVELS, TIER_DEFAULTS, TIERS, type EnforcementLevel, type Tier } from "@mlops/core";

const isTier = (v: string | undefined): v is Tier => v !== undefined && (TIERS as readonly string[]).includes(v);
const isLevel = (v: string | undefined): v is EnforcementLevel => v !== undefined && (ENFORCEMENT_LEVELS as readonly string[]).includes(v);

/**
 * The pack's default enforcement level for a stack, from its config (as the offline plan
 * decides it): `mlops-platform:policyEnforcement` when set (ignored in prod, always
 * mandatory), else the tier's default (`mlops-platform:tier`, else the stack name when it is a
 * tier: dev advisory, staging and prod mandatory), else mandatory.
 *
 * @param config the stack's config, `namespace:key` → value (Pulumi passes it to the pack as `PULUMI_CONFIG`).
 * @param stack the stack name (`PULUMI_STACK`).
 */
export function packEnforcementLevel(config: Readonly<Record<string, string>>, stack?: string): EnforcementLevel {
  const configured = config[`${CONFIG_NAMESPACE}:tier`];
  const tier = isTier(configured) ? configured : isTier(stack) ? stack : undefined;
  if (!tier) return "mandatory";
  const override = config[`${CONFIG_NAMESPACE}:policyEnforcement`];
  if (tier !== "prod" && isLevel(override)) return override;
  return TIER_DEFAULTS[tier].policyEnforcement;
}

/** Parses `PULUMI_CONFIG` (a JSON object of strings); `{}` when absent or malformed. */
export function parseConfigEnv(json: string | undefined): Record<string, string> {
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== "object" || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    return {};
  }
}
