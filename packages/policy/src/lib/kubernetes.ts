import type { PolicyProviderResource, PolicyResource } from "@pulumi/policy";
import { refersTo } from "./graph";
import { dig, isRecord, peek, UNKNOWN, type Peeked } from "./values";

/** The Namespace type token. */
export const NAMESPACE_TYPE = "kubernetes:core/v1:Namespace";

/** The Kubernetes provider's type token (explicit `new k8s.Provider(...)` and the engine's default one). */
export const KUBERNETES_PROVIDER_TYPE = "pulumi:providers:kubernetes";

/** The namespace kubectl and client-go use when neither the object, the provider nor the kubeconfig context names one. */
export const KUBECTL_DEFAULT_NAMESPACE = "default";

/** Where an object without `metadata.namespace` lands, and why (for messages). */
export interface ProviderNamespace {
  namespace: string;
  /** A clause saying where the namespace comes from, e.g. `provider k8s sets namespace "default"`. */
  because: string;
}

const nonEmpty = (v: unknown): v is string => typeof v === "string" && v !== "";

/**
 * The default namespace a kubeconfig gives, when it can be told from its text:
 * - JSON (what `@pulumi/eks` and most programs generate): the `namespace` of the context named
 *   `context` (else `current-context`), `"default"` when that context names none; `undefined`
 *   when the context is not in the file;
 * - YAML: `"default"` when no `namespace:` key appears anywhere (no context names one);
 *   `undefined` when one does (the pack parses no YAML);
 * - anything else (a path to a kubeconfig file, which `kubeconfig` may also hold): `undefined`.
 *
 * @param context the provider's `context` input, read only when needed (it may be unknown).
 */
export function kubeconfigNamespace(kubeconfig: string, context: () => unknown): { namespace: string; context?: string } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(kubeconfig);
  } catch {
    parsed = undefined;
  }
  if (isRecord(parsed)) {
    const chosen = context();
    const name = nonEmpty(chosen) ? chosen : parsed["current-context"];
    const contexts = Array.isArray(parsed["contexts"]) ? (parsed["contexts"] as unknown[]) : [];
    const entry = contexts.find((c) => isRecord(c) && c["name"] === name);
    if (!isRecord(entry) || !nonEmpty(name)) return undefined;
    const namespace = isRecord(entry["context"]) ? entry["context"]["namespace"] : undefined;
    return { namespace: nonEmpty(namespace) ? namespace : KUBECTL_DEFAULT_NAMESPACE, context: name };
  }
  const isYamlKubeconfig = /^\s*contexts\s*:/m.test(kubeconfig);
  if (!isYamlKubeconfig || /(^|[\s{,"'])namespace["']?\s*:/m.test(kubeconfig)) return undefined;
  return { namespace: KUBECTL_DEFAULT_NAMESPACE };
}

/**
 * The namespace a Kubernetes provider puts objects in when they set no `metadata.namespace`,
 * when it can be told from the provider's inputs (precedence as the provider documents it):
 * its `namespace` input, else the namespace of its kubeconfig's context (see
 * {@link kubeconfigNamespace}). `undefined` when it cannot be told: no provider in the request,
 * not a Kubernetes provider, or no `kubeconfig` input (the ambient `~/.kube/config` or
 * `KUBECONFIG` of whoever runs the update decides).
 *
 * Reads the provider's properties directly: a value unknown during preview throws
 * CrossGuard's `UnknownValueError` (resource policies let it; stack policies wrap this in `peek`).
 */
export function providerNamespace(provider: PolicyProviderResource | undefined): ProviderNamespace | undefined {
  if (!provider || provider.type !== KUBERNETES_PROVIDER_TYPE) return undefined;
  const props = provider.props;
  const namespace: unknown = props["namespace"];
  if (nonEmpty(namespace)) return { namespace, because: `provider ${provider.name} sets namespace "${namespace}"` };
  const kubeconfig: unknown = props["kubeconfig"];
  if (!nonEmpty(kubeconfig)) return undefined;
  const found = kubeconfigNamespace(kubeconfig, () => props["context"] as unknown);
  if (!found) return undefined;
  const where = found.context ? `its kubeconfig context "${found.context}"` : "its kubeconfig";
  return { namespace: found.namespace, because: `provider ${provider.name} sets no namespace and ${where} gives "${found.namespace}"` };
}

/**
 * The namespace a resource lives in, for matching resources across the graph: its
 * `metadata.namespace`, else its provider's (see {@link providerNamespace}), else `"default"`
 * (the usual case: a kubeconfig without a namespace). {@link UNKNOWN} when a value that decides
 * is unknown.
 */
export function namespaceOf(resource: PolicyResource): Peeked<string> {
  const explicit = dig(resource.props, "metadata", "namespace");
  if (explicit === UNKNOWN) return UNKNOWN;
  if (nonEmpty(explicit)) return explicit;
  const fromProvider = peek(() => providerNamespace(resource.provider));
  if (fromProvider === UNKNOWN) return UNKNOWN;
  return fromProvider?.namespace ?? KUBECTL_DEFAULT_NAMESPACE;
}

/**
 * Whether `resource` (a NetworkPolicy, a ResourceQuota, ...) is in Namespace `ns`: its
 * namespace ({@link namespaceOf}) equals the Namespace's `metadata.name`, or, while either is
 * unknown (auto-naming, preview), its `metadata` depends on the Namespace resource
 * (`refersTo`, lib/graph.ts).
 */
export function inNamespace(resource: PolicyResource, ns: PolicyResource): boolean {
  const name = dig(ns.props, "metadata", "name");
  const namespace = namespaceOf(resource);
  if (namespace !== UNKNOWN && typeof name === "string") return namespace === name;
  return refersTo(resource, "metadata", ns, []);
}

/** A Namespace's `metadata.name` when known, else its logical name (for messages). */
export function namespaceLabel(ns: PolicyResource): string {
  const name = dig(ns.props, "metadata", "name");
  return typeof name === "string" ? name : ns.name;
}
