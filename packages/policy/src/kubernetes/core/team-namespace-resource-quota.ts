import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { inNamespace, NAMESPACE_TYPE, namespaceLabel } from "../../lib/kubernetes";
import { dig, field, isRecord, UNKNOWN } from "../../lib/values";
import { definePolicy } from "../../lib/registry";

const RESOURCE_QUOTA = "kubernetes:core/v1:ResourceQuota";

/** The label that marks a team's namespace (team tenancy). */
export const TEAM_NAMESPACE_LABEL = "mlops.platform/team";

/** Configuration of {@link kubernetesCoreTeamNamespaceResourceQuota}. */
export interface TeamQuotaConfig {
  /** The label key that marks a team namespace (any value). Default: `mlops.platform/team`. */
  teamLabel?: string;
}

/** Whether the namespace carries `label`; {@link UNKNOWN} when its labels are unknown. */
function hasLabel(ns: PolicyResource, label: string): boolean | typeof UNKNOWN {
  const labels = dig(ns.props, "metadata", "labels");
  if (labels === UNKNOWN) return UNKNOWN;
  if (!isRecord(labels)) return false;
  return field(labels, label) !== undefined;
}

/** A quota limits something: `spec.hard` has at least one entry (or is unknown until the update). */
function limitsSomething(quota: PolicyResource): boolean {
  const hard = dig(quota.props, "spec", "hard");
  return hard === UNKNOWN || (isRecord(hard) && Object.keys(hard).length > 0);
}

/**
 * Every team namespace (a Namespace labelled `mlops.platform/team`, any value) has a
 * ResourceQuota with at least one `spec.hard` limit. A quota is in a namespace as
 * `inNamespace` (lib/kubernetes.ts) decides, like the default-deny NetworkPolicies. Namespaces
 * whose labels are unknown are skipped (it cannot be told whether they are a team's).
 */
export const kubernetesCoreTeamNamespaceResourceQuota = definePolicy<StackValidationPolicy>(
  {
    name: "kubernetes-core-team-namespace-resource-quota",
    description:
      "Every team Namespace (labelled mlops.platform/team, config teamLabel) must have a ResourceQuota with spec.hard " +
      "limits: without one a single team can take the whole cluster's CPU, memory, GPUs and volumes from the others.",
    configSchema: {
      properties: { teamLabel: { type: "string", default: TEAM_NAMESPACE_LABEL } },
    },
    validateStack: (args, reportViolation) => {
      const label = args.getConfig<TeamQuotaConfig>().teamLabel ?? TEAM_NAMESPACE_LABEL;
      const quotas = args.resources.filter((r) => r.type === RESOURCE_QUOTA && limitsSomething(r));
      for (const ns of args.resources.filter((r) => r.type === NAMESPACE_TYPE && hasLabel(r, label) === true)) {
        if (!quotas.some((quota) => inNamespace(quota, ns))) {
          reportViolation(`Team namespace ${namespaceLabel(ns)} (label ${label}) has no ResourceQuota with spec.hard limits.`, ns.urn);
        }
      }
    },
  },
  { vendor: "kubernetes", services: ["core"], topics: ["tenancy"], frameworks: [], severity: "medium" },
);
