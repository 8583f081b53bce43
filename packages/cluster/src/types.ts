import type * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";
import type { ComponentArgs, TeamGpuRequest, clusterSettingsSchema } from "@mlops/core";

/** The network the aws backend places the cluster in (the Network component's outputs). */
export interface AwsClusterNetwork {
  vpcId: pulumi.Input<string>;
  /** Private subnets, at least 2 in different AZs: nodes and the control plane's ENIs. */
  privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
  /** Public subnets, for internet-facing load balancers only (nodes never go there). Default: none. */
  publicSubnetIds?: pulumi.Input<pulumi.Input<string>[]>;
}

/** The network the gcp backend places the cluster in (the Network component's outputs). */
export interface GcpClusterNetwork {
  project: pulumi.Input<string>;
  region: string;
  /** Self link or id of the VPC network. */
  networkId: pulumi.Input<string>;
  /** Self link or id of the subnetwork holding the nodes. */
  subnetworkId: pulumi.Input<string>;
  /** Secondary range of the subnetwork for Pod IPs (VPC-native). Default: GKE creates a /14 on the subnetwork. */
  podsRangeName?: pulumi.Input<string>;
  /** Secondary range of the subnetwork for Service IPs. Default: GKE creates a /20 on the subnetwork. */
  servicesRangeName?: pulumi.Input<string>;
  /** The control plane's private /28, outside every subnet range. Default "172.16.0.0/28". */
  masterIpv4CidrBlock?: string;
  /** Resources the cluster waits for (the enabled `container.googleapis.com` API). Default: none. */
  dependsOn?: pulumi.Resource[];
}

/** What the Cluster takes besides its settings: the stack's wiring. */
export interface ClusterWiring {
  /** aws: required. */
  awsNetwork?: AwsClusterNetwork;
  /** gcp: required. */
  gcpNetwork?: GcpClusterNetwork;
  /**
   * kubernetes: the kubeconfig context of the existing cluster. Default "kind-mlops".
   * aws/gcp: not allowed (the platform creates the cluster).
   */
  context?: string;
  /**
   * The teams' quotas: a team with `gpu > 0` turns the GPU node group on unless `gpu.enabled`
   * says otherwise (false is then rejected). Default: none.
   */
  teams?: readonly TeamGpuRequest[];
  /**
   * Customer-managed key for Kubernetes Secrets envelope encryption and node disks: a KMS key ARN
   * (aws) or a Cloud KMS crypto key id (gcp, with the GKE service agent already granted).
   * Default: the component creates one with rotation. kubernetes: no effect.
   */
  kmsKeyId?: pulumi.Input<string>;
  /** Earlier names of the Kubernetes provider (a stack that registered it elsewhere keeps its URN). Default: none. */
  providerAliases?: pulumi.Input<pulumi.Alias>[];
}

/**
 * Inputs of the `Cluster` component: the shared args, the settings of the stack config's
 * `cluster` section (see `clusterSettingsSchema` in @mlops/core for every limit and default),
 * and the wiring. One shape for every backend.
 */
export type ClusterArgs = ComponentArgs<typeof clusterSettingsSchema, ClusterWiring>;

/** How Pods get cloud credentials on a cluster. */
export type WorkloadIdentityKind = "eks-pod-identity" | "gke-workload-identity" | "none";

/** What every backend returns. */
export interface ClusterOutputs {
  /** EKS / GKE cluster name; the kubeconfig context on kubernetes. */
  name: pulumi.Output<string>;
  /** The API server endpoint (private unless publicAccessCidrs are set). */
  endpoint: pulumi.Output<string>;
  /** kubeconfig for the cluster (exec-based credentials, no static token). Secret. */
  kubeconfig: pulumi.Output<string>;
  /** The Kubernetes provider every in-cluster resource of the platform uses. */
  provider: k8s.Provider;
  /** OIDC issuer URL of the cluster's service-account tokens (aws, gcp); "" on kubernetes. */
  oidcIssuer: pulumi.Output<string>;
  /** How Pods get cloud identities: EKS Pod Identity, GKE Workload Identity, or none. */
  workloadIdentity: pulumi.Output<WorkloadIdentityKind>;
  /** gcp: the Workload Identity pool `<project>.svc.id.goog`; "" elsewhere. */
  workloadPool: pulumi.Output<string>;
  /** aws: the node IAM role's ARN; "" elsewhere. */
  nodeRoleArn: pulumi.Output<string>;
  /** gcp: the node service account's email; "" elsewhere. */
  nodeServiceAccount: pulumi.Output<string>;
  /** Whether a GPU node group exists. */
  gpuEnabled: pulumi.Output<boolean>;
  /** The default StorageClass (aws: the encrypted gp3 class the component creates). */
  storageClassName: pulumi.Output<string>;
}
