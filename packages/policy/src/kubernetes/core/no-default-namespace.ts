import type { PolicyProviderResource, ResourceValidationPolicy } from "@pulumi/policy";
import { KUBECTL_DEFAULT_NAMESPACE, KUBERNETES_PROVIDER_TYPE, providerNamespace } from "../../lib/kubernetes";
import { isRecord } from "../../lib/values";
import { POD_SPEC_PATHS } from "../pod/pod-spec";
import { definePolicy } from "../../lib/registry";

/** The kinds checked: every workload kind the pack knows, and Services, ConfigMaps and Secrets. */
export const NO_DEFAULT_NAMESPACE_TYPES: readonly string[] = [
  ...Object.keys(POD_SPEC_PATHS),
  "kubernetes:core/v1:Service",
  "kubernetes:core/v1:ConfigMap",
  "kubernetes:core/v1:Secret",
];

/** Whether a Kubernetes provider states where objects go: a `namespace` or a `kubeconfig` input. */
const pinsNamespace = (provider: PolicyProviderResource | undefined): boolean =>
  provider?.type === KUBERNETES_PROVIDER_TYPE && (Boolean(provider.props["namespace"]) || Boolean(provider.props["kubeconfig"]));

/**
 * Workloads, Services, ConfigMaps and Secrets are not in the `default` namespace.
 *
 * An explicit `metadata.namespace` decides. When it is unset the object lands in its provider's
 * namespace, which the policy judges only when it can tell it from the provider the engine
 * sends with the resource (`args.provider`, explicit or the engine's default provider): the
 * provider's `namespace` input, else the namespace of the context of its `kubeconfig` input
 * when that is kubeconfig text (JSON, or YAML that names no namespace at all, which means
 * `default`). A provider with neither `namespace` nor `kubeconfig` (or no provider in the
 * request) uses whatever kubeconfig context runs the update, whose namespace is `default` unless
 * that context names another: nothing in the program keeps the object out of `default`, so it is
 * a violation too. An unreadable kubeconfig (a path, YAML naming some namespace) passes. A value
 * unknown during preview (a computed namespace or kubeconfig) makes the check "not run during
 * preview", not a violation.
 */
export const kubernetesCoreNoDefaultNamespace = definePolicy<ResourceValidationPolicy>(
  {
    name: "kubernetes-core-no-default-namespace",
    description:
      "Workloads (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, PodTemplate), " +
      "Services, ConfigMaps and Secrets must not be in the default namespace, which has no team's quota, NetworkPolicies " +
      "or RBAC. An unset metadata.namespace counts as default when the provider's namespace input or its kubeconfig " +
      "text says so, and when the provider pins neither (the ambient kubeconfig context decides, default unless it names another).",
    validateResource: (args, report) => {
      if (!NO_DEFAULT_NAMESPACE_TYPES.includes(args.type)) {
        args.notApplicable("Policy only applies to Kubernetes workloads, Services, ConfigMaps and Secrets");
      }
      const metadata: unknown = args.props.metadata;
      const namespace = isRecord(metadata) ? metadata["namespace"] : undefined;
      if (typeof namespace === "string" && namespace !== "") {
        if (namespace === KUBECTL_DEFAULT_NAMESPACE) report(`metadata.namespace is "${KUBECTL_DEFAULT_NAMESPACE}".`);
        return;
      }
      const fallback = providerNamespace(args.provider);
      if (fallback?.namespace === KUBECTL_DEFAULT_NAMESPACE) report(`metadata.namespace is unset and ${fallback.because}.`);
      else if (!fallback && !pinsNamespace(args.provider)) {
        const who = args.provider?.type === KUBERNETES_PROVIDER_TYPE ? `provider ${args.provider.name} sets neither namespace nor kubeconfig` : "no provider sets a namespace";
        report(`metadata.namespace is unset and ${who}: the object lands in the namespace of the kubeconfig context that runs the update, "default" unless that context names another. Set metadata.namespace (or the provider's namespace).`);
      }
    },
  },
  { vendor: "kubernetes", services: ["core", "apps", "batch"], topics: ["tenancy"], frameworks: ["cis"], severity: "medium" },
);
