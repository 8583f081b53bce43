import type * as pulumi from "@pulumi/pulumi";
import { teamGpus, type CompleteClusterSettings, type ResolvedBase } from "@mlops/core";
import type { AwsClusterNetwork, ClusterWiring, GcpClusterNetwork } from "./types";

/** The kubeconfig context of the local Kind cluster (`kind create cluster --name mlops`). */
export const DEFAULT_KIND_CONTEXT = "kind-mlops";

/** Every arg resolved: what the backends build from. */
export interface ResolvedClusterArgs extends ResolvedBase, Omit<CompleteClusterSettings, "gpu"> {
  gpu: Omit<CompleteClusterSettings["gpu"], "enabled"> & { enabled: boolean };
  awsNetwork?: AwsClusterNetwork;
  gcpNetwork?: GcpClusterNetwork;
  context: string;
  kmsKeyId?: pulumi.Input<string>;
  providerAliases: pulumi.Input<pulumi.Alias>[];
}

/**
 * The completed settings plus the wiring. Pure. GPU nodes exist when `gpu.enabled` says so, or,
 * unset, when a team asks for GPUs; never on the kubernetes backend (not managed there).
 */
export function resolveCluster(settings: CompleteClusterSettings, base: ResolvedBase, wiring: ClusterWiring): ResolvedClusterArgs {
  const asked = teamGpus(wiring.teams ?? []).total > 0;
  return {
    ...base,
    ...settings,
    gpu: { ...settings.gpu, enabled: base.backend !== "kubernetes" && (settings.gpu.enabled ?? asked) },
    ...(wiring.awsNetwork ? { awsNetwork: wiring.awsNetwork } : {}),
    ...(wiring.gcpNetwork ? { gcpNetwork: wiring.gcpNetwork } : {}),
    context: wiring.context ?? DEFAULT_KIND_CONTEXT,
    ...(wiring.kmsKeyId !== undefined ? { kmsKeyId: wiring.kmsKeyId } : {}),
    providerAliases: wiring.providerAliases ?? [],
  };
}
