import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import type { ResolvedClusterArgs } from "../defaults";
import type { ClusterOutputs } from "../types";

/** The Kubernetes objects behind a Cluster on an existing cluster: only the provider. */
export interface KubernetesClusterNative {
  provider: k8s.Provider;
}

/** The StorageClass Kind's local-path provisioner installs as the default. */
export const KIND_STORAGE_CLASS = "standard";

/**
 * An existing cluster (Kind locally) reached through a kubeconfig context: the component
 * creates the Kubernetes provider and nothing in the cluster. Nodes, GPUs and the API endpoint
 * are the cluster owner's (the settings for them are rejected on this backend). `kubeconfig`
 * and `endpoint` are empty: the credentials stay in the user's own kubeconfig file.
 */
export function build(parent: pulumi.ComponentResource, name: string, r: ResolvedClusterArgs): { outputs: ClusterOutputs; native: KubernetesClusterNative } {
  const provider = new k8s.Provider(`${name}-k8s`, {
    context: r.context,
    enableServerSideApply: true,
    // An unreachable cluster fails the update instead of silently dropping its objects from state.
    deleteUnreachable: false,
  }, { parent, aliases: r.providerAliases });
  const none = pulumi.output("");
  return {
    outputs: {
      name: pulumi.output(r.context),
      endpoint: none,
      kubeconfig: none,
      provider,
      oidcIssuer: none,
      workloadIdentity: pulumi.output("none" as const),
      workloadPool: none,
      nodeRoleArn: none,
      nodeServiceAccount: none,
      gpuEnabled: pulumi.output(false),
      storageClassName: pulumi.output(KIND_STORAGE_CLASS),
    },
    native: { provider },
  };
}
