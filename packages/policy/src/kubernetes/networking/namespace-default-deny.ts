import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { inNamespace, NAMESPACE_TYPE, namespaceLabel } from "../../lib/kubernetes";
import { dig, elements, field, isRecord, knownStrings, UNKNOWN } from "../../lib/values";
import { definePolicy } from "../../lib/registry";

const NETWORK_POLICY = "kubernetes:networking.k8s.io/v1:NetworkPolicy";

/**
 * Namespaces exempt by default: the control plane's own. `default` is NOT exempt: if the
 * program declares it, it must lock it down like any other.
 */
export const DEFAULT_EXEMPT_NAMESPACES: readonly string[] = ["kube-system", "kube-public", "kube-node-lease"];

/** Configuration of {@link kubernetesNetworkingNamespaceDefaultDeny}. */
export interface DefaultDenyConfig {
  /** Namespace names that need no default-deny policy. Default: kube-system, kube-public, kube-node-lease. */
  exemptNamespaces?: string[];
}

/** An empty selector (`{}`, or no matchLabels / matchExpressions) selects every Pod. */
function selectsAllPods(selector: unknown): boolean {
  if (selector === undefined || selector === null) return true;
  if (!isRecord(selector)) return false;
  const labels = field(selector, "matchLabels");
  const expressions = field(selector, "matchExpressions");
  const emptyLabels = labels === undefined || labels === null || (isRecord(labels) && Object.keys(labels).length === 0);
  const emptyExpressions = expressions === undefined || expressions === null || (Array.isArray(expressions) && expressions.length === 0);
  return emptyLabels && emptyExpressions;
}

/**
 * A default-deny-ingress policy: selects every Pod, has Ingress among its policy types (also
 * implied when `policyTypes` is unset) and no ingress rule. Unknown parts make it not count.
 */
export function isDefaultDenyIngress(policy: PolicyResource): boolean {
  const spec = field(policy.props, "spec");
  if (!isRecord(spec)) return false;
  const selector = field(spec, "podSelector");
  if (selector === UNKNOWN || !selectsAllPods(selector)) return false;
  const types = field(spec, "policyTypes");
  if (types === UNKNOWN) return false;
  const ingressType = types === undefined || types === null || knownStrings(elements(types)).includes("Ingress");
  const ingress = field(spec, "ingress");
  const noIngressRule = ingress === undefined || ingress === null || (Array.isArray(ingress) && ingress.length === 0);
  return ingressType && noIngressRule;
}

/**
 * Every Namespace the program creates has a default-deny NetworkPolicy. A policy belongs to a
 * namespace as `inNamespace` (lib/kubernetes.ts) decides: its `metadata.namespace` (unset: its
 * provider's namespace, else "default") equals the namespace's `metadata.name`, or, while either
 * is unknown (auto-naming, preview), its `metadata` depends on the Namespace resource.
 */
export const kubernetesNetworkingNamespaceDefaultDeny = definePolicy<StackValidationPolicy>(
  {
    name: "kubernetes-networking-namespace-default-deny",
    description:
      "Every Namespace must have a default-deny NetworkPolicy (empty podSelector, policyTypes including Ingress, no ingress " +
      "rules), so Pods accept only the traffic an explicit policy allows. kube-system, kube-public and kube-node-lease are " +
      "exempt (config exemptNamespaces).",
    configSchema: {
      properties: { exemptNamespaces: { type: "array", items: { type: "string" }, default: [...DEFAULT_EXEMPT_NAMESPACES] } },
    },
    validateStack: (args, reportViolation) => {
      const exempt = args.getConfig<DefaultDenyConfig>().exemptNamespaces ?? DEFAULT_EXEMPT_NAMESPACES;
      const denies = args.resources.filter((r) => r.type === NETWORK_POLICY && isDefaultDenyIngress(r));
      for (const ns of args.resources.filter((r) => r.type === NAMESPACE_TYPE)) {
        const name = dig(ns.props, "metadata", "name");
        if (typeof name === "string" && exempt.includes(name)) continue;
        if (!denies.some((policy) => inNamespace(policy, ns))) {
          reportViolation(`Namespace ${namespaceLabel(ns)} has no default-deny ingress NetworkPolicy.`, ns.urn);
        }
      }
    },
  },
  { vendor: "kubernetes", services: ["networking", "core"], topics: ["network", "tenancy"], frameworks: ["cis"], severity: "high" },
);
