import * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";
import { PlatformComponent, clusterSettings, dotted, gpuIssues, type ComponentDefinition } from "@mlops/core";
import { resolveCluster, type ResolvedClusterArgs } from "./defaults";
import type { ClusterArgs, ClusterOutputs, ClusterWiring, WorkloadIdentityKind } from "./types";
import type { AwsClusterNative } from "./backends/aws";
import type { GcpClusterNative } from "./backends/gcp";
import type { KubernetesClusterNative } from "./backends/kubernetes";

/** The native resources of the active backend; only that backend's entry is set. */
export type ClusterNative = { aws?: AwsClusterNative; gcp?: GcpClusterNative; kubernetes?: KubernetesClusterNative };

/** The Cluster, declared once: settings, wiring checks, resolution and the implementation table. */
export const CLUSTER: ComponentDefinition<typeof clusterSettings.schema, ReturnType<typeof clusterSettings.complete>, ClusterWiring, ResolvedClusterArgs, ClusterOutputs, ClusterNative> = {
  type: "mlops:cluster:Cluster",
  settings: clusterSettings,
  validateWiring(args, fail, component) {
    if (args.context !== undefined && args.backend !== "kubernetes") {
      fail("context", args.context, `only the kubernetes backend uses an existing cluster's context; on ${args.backend} the platform creates the cluster`);
    }
    const gpu = gpuIssues({ backend: args.backend, gpu: (args as ClusterArgs).gpu, teams: args.teams ?? [] });
    if (gpu.length > 0) throw new pulumi.ResourceError(gpu.map((i) => `${dotted(i.path)}: ${i.message}`).join("\n"), component);
    if (args.backend === "aws") {
      const network = args.awsNetwork;
      if (!network) return fail("awsNetwork", undefined, "is required when backend is \"aws\" (the VPC and its private subnets)");
      const subnets = network.privateSubnetIds;
      if (Array.isArray(subnets) && subnets.length < 2) fail("awsNetwork.privateSubnetIds", subnets.map((s) => (typeof s === "string" ? s : "<output>")), "EKS needs at least 2 private subnets in different availability zones");
    }
    if (args.backend === "gcp" && !args.gcpNetwork) fail("gcpNetwork", undefined, "is required when backend is \"gcp\" (the network, subnetwork and its secondary ranges)");
    if (args.backend !== "aws" && args.awsNetwork) fail("awsNetwork", "(set)", `has no effect on ${args.backend}; remove it`);
    if (args.backend !== "gcp" && args.gcpNetwork) fail("gcpNetwork", "(set)", `has no effect on ${args.backend}; remove it`);
  },
  resolve: resolveCluster,
  engine: (r) => ({ aws: "eks", gcp: "gke", kubernetes: "existing" })[r.backend],
  implementations: {
    aws: { eks: () => require("./backends/aws") as typeof import("./backends/aws") },
    gcp: { gke: () => require("./backends/gcp") as typeof import("./backends/gcp") },
    kubernetes: { existing: () => require("./backends/kubernetes") as typeof import("./backends/kubernetes") },
  },
  secretOutputs: ["kubeconfig"],
};

/**
 * A Kubernetes cluster and the provider every in-cluster resource uses: a private EKS cluster
 * (KMS-encrypted Secrets, control-plane logs, managed node groups per tier, Pod Identity,
 * Cluster Autoscaler) on `aws`, a private GKE cluster (Workload Identity, Dataplane V2, CMEK,
 * Shielded nodes) on `gcp`, or an existing cluster by kubeconfig context on `kubernetes`.
 */
export class Cluster extends PlatformComponent<ClusterOutputs, ClusterNative> implements ClusterOutputs {
  declare public readonly name: pulumi.Output<string>;
  declare public readonly endpoint: pulumi.Output<string>;
  /** Secret. */
  declare public readonly kubeconfig: pulumi.Output<string>;
  declare public readonly provider: k8s.Provider;
  declare public readonly oidcIssuer: pulumi.Output<string>;
  declare public readonly workloadIdentity: pulumi.Output<WorkloadIdentityKind>;
  declare public readonly workloadPool: pulumi.Output<string>;
  declare public readonly nodeRoleArn: pulumi.Output<string>;
  declare public readonly nodeServiceAccount: pulumi.Output<string>;
  declare public readonly gpuEnabled: pulumi.Output<boolean>;
  declare public readonly storageClassName: pulumi.Output<string>;

  constructor(name: string, args: ClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super(CLUSTER, name, args, opts);
  }
}
