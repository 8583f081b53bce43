import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import * as k8s from "@pulumi/kubernetes";
import { gcpKeyFor, gcpLabels, physicalName, type GcpCreatedKey, type NodeGroupSettings } from "@mlops/core";
import type { ResolvedClusterArgs } from "../defaults";
import type { ClusterOutputs } from "../types";
import { gkeKubeconfig } from "../kubeconfig";

/** The native GCP resources behind a Cluster: the escape hatch. */
export interface GcpClusterNative {
  cluster: gcp.container.Cluster;
  nodePools: Readonly<Partial<Record<PoolKind, gcp.container.NodePool>>>;
  nodeServiceAccount: gcp.serviceaccount.Account;
  nodeRoles: readonly gcp.projects.IAMMember[];
  /** Set when `kmsKeyId` was not given. */
  key?: GcpCreatedKey;
  provider: k8s.Provider;
}

type PoolKind = "system" | "workload" | "gpu";

/** The least-privilege roles of the node service account (GKE's hardening guide). */
export const NODE_SERVICE_ACCOUNT_ROLES = ["roles/logging.logWriter", "roles/monitoring.metricWriter", "roles/monitoring.viewer", "roles/artifactregistry.reader"] as const;
/** GKE spreads a regional cluster's pools over 3 zones; initialNodeCount is per zone. */
export const GKE_ZONES = 3;
/** Sizes of the secondary ranges GKE creates when the network names none (room for ~1000 nodes at 110 Pods each). */
export const GKE_MANAGED_RANGES = { pods: "/14", services: "/20" } as const;
export const DEFAULT_MASTER_CIDR = "172.16.0.0/28";
export const GKE_LOG_COMPONENTS = ["SYSTEM_COMPONENTS", "APISERVER", "CONTROLLER_MANAGER", "SCHEDULER", "WORKLOADS"] as const;
export const GKE_MONITORING_COMPONENTS = ["SYSTEM_COMPONENTS", "APISERVER", "CONTROLLER_MANAGER", "SCHEDULER"] as const;
/** GKE's own default StorageClass (pd-balanced, CSI). */
export const GKE_STORAGE_CLASS = "standard-rwo";
const NODE_LABEL = "mlops.platform/node-group";
const DISK_GB: Record<PoolKind, number> = { system: 50, workload: 100, gpu: 200 };

/** The node settings every pool shares: dedicated service account, GKE metadata server, Shielded VM with Secure Boot. */
function secureNodeConfig(serviceAccount: pulumi.Input<string>) {
  return {
    serviceAccount,
    oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"],
    workloadMetadataConfig: { mode: "GKE_METADATA" },
    shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
    metadata: { "disable-legacy-endpoints": "true" },
  };
}

/**
 * GKE: a regional private cluster (private nodes, private endpoint unless publicAccessCidrs are
 * authorised), Workload Identity, Dataplane V2 (NetworkPolicy enforcement), Shielded nodes,
 * Secrets encrypted with a customer key, control-plane logs and metrics, legacy ABAC off, no
 * client certificate; autoscaled node pools per tier on a least-privilege node service account.
 */
export function build(parent: pulumi.ComponentResource, name: string, r: ResolvedClusterArgs): { outputs: ClusterOutputs; native: GcpClusterNative } {
  const net = r.gcpNetwork;
  if (!net) throw new pulumi.ResourceError("gcpNetwork is required when backend is \"gcp\"", parent);
  const child = { parent };
  const labels = gcpLabels(r.tags);
  const project = net.project;
  const { keyId, dependsOn: keyReady, created } = gcpKeyFor(parent, name, {
    given: r.kmsKeyId, project, location: net.region, tags: r.tags, protect: r.protect,
    agents: [{ short: "gke", service: "container.googleapis.com" }],
  });

  const nodeServiceAccount = new gcp.serviceaccount.Account(`${name}-nodes`, {
    project,
    accountId: physicalName([pulumi.getStack(), name, "nodes"], 30),
    displayName: `GKE nodes of ${name} (${pulumi.getStack()})`,
  }, child);
  const nodeRoles = NODE_SERVICE_ACCOUNT_ROLES.map((role) => new gcp.projects.IAMMember(`${name}-nodes-${role.split("/")[1]?.replace(/\./g, "-")}`, {
    project, role, member: nodeServiceAccount.member,
  }, child));

  const publicEndpoint = r.publicAccessCidrs.length > 0;
  const workloadPool = pulumi.interpolate`${project}.svc.id.goog`;
  const cluster = new gcp.container.Cluster(`${name}-gke`, {
    // GKE cluster names: at most 40 characters.
    name: physicalName([pulumi.getStack(), name], 40),
    project,
    location: net.region,
    network: net.networkId,
    subnetwork: net.subnetworkId,
    networkingMode: "VPC_NATIVE",
    ipAllocationPolicy: net.podsRangeName !== undefined && net.servicesRangeName !== undefined
      ? { clusterSecondaryRangeName: net.podsRangeName, servicesSecondaryRangeName: net.servicesRangeName }
      : { clusterIpv4CidrBlock: GKE_MANAGED_RANGES.pods, servicesIpv4CidrBlock: GKE_MANAGED_RANGES.services },
    removeDefaultNodePool: true,
    initialNodeCount: 1,
    // The default pool lives only until the cluster exists; it is as locked down as the others meanwhile.
    nodeConfig: secureNodeConfig(nodeServiceAccount.email),
    minMasterVersion: r.kubernetesVersion,
    releaseChannel: { channel: r.releaseChannel },
    privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: !publicEndpoint, masterIpv4CidrBlock: net.masterIpv4CidrBlock ?? DEFAULT_MASTER_CIDR },
    masterAuthorizedNetworksConfig: {
      cidrBlocks: r.publicAccessCidrs.map((cidrBlock) => ({ cidrBlock, displayName: `allowed ${cidrBlock}` })),
      gcpPublicCidrsAccessEnabled: false,
    },
    masterAuth: { clientCertificateConfig: { issueClientCertificate: false } },
    datapathProvider: "ADVANCED_DATAPATH",
    workloadIdentityConfig: { workloadPool },
    enableShieldedNodes: true,
    enableLegacyAbac: false,
    databaseEncryption: { state: "ENCRYPTED", keyName: keyId },
    loggingConfig: { enableComponents: [...GKE_LOG_COMPONENTS] },
    monitoringConfig: { enableComponents: [...GKE_MONITORING_COMPONENTS], managedPrometheus: { enabled: true } },
    addonsConfig: { gcePersistentDiskCsiDriverConfig: { enabled: true } },
    deletionProtection: r.protect,
    resourceLabels: labels,
  }, { parent, protect: r.protect, dependsOn: [...keyReady, ...nodeRoles, ...(net.dependsOn ?? [])], ignoreChanges: ["nodeConfig"] });

  const pool = (kind: PoolKind, sizes: NodeGroupSettings, extra: { spot?: boolean; taints?: { key: string; value: string; effect: string }[]; accelerators?: gcp.types.input.container.NodePoolNodeConfigGuestAccelerator[] }) => new gcp.container.NodePool(`${name}-${kind}`, {
    project,
    location: net.region,
    cluster: cluster.name,
    // Per zone, at creation; the autoscaler owns the count afterwards.
    initialNodeCount: Math.ceil(sizes.desiredSize / GKE_ZONES),
    autoscaling: { totalMinNodeCount: sizes.minSize, totalMaxNodeCount: sizes.maxSize, locationPolicy: extra.spot ? "ANY" : "BALANCED" },
    management: { autoRepair: true, autoUpgrade: true },
    upgradeSettings: { maxSurge: 1, maxUnavailable: 0 },
    nodeConfig: {
      ...secureNodeConfig(nodeServiceAccount.email),
      machineType: sizes.instanceTypes[0],
      diskType: "pd-balanced",
      diskSizeGb: DISK_GB[kind],
      spot: extra.spot ?? false,
      labels: { [NODE_LABEL]: kind },
      resourceLabels: labels,
      taints: extra.taints ?? [],
      ...(extra.accelerators ? { guestAccelerators: extra.accelerators } : {}),
    },
  }, { parent, ignoreChanges: ["initialNodeCount"] });

  const nodePools: Partial<Record<PoolKind, gcp.container.NodePool>> = {
    system: pool("system", r.system, { taints: [{ key: "CriticalAddonsOnly", value: "true", effect: "NO_SCHEDULE" }] }),
    workload: pool("workload", r.workload, { spot: r.workload.spot }),
  };
  if (r.gpu.enabled) {
    nodePools.gpu = pool("gpu", { instanceTypes: r.gpu.instanceTypes, minSize: 0, desiredSize: 0, maxSize: r.gpu.maxSize }, {
      taints: [{ key: "nvidia.com/gpu", value: "true", effect: "NO_SCHEDULE" }],
      accelerators: [{ type: r.gpu.acceleratorType, count: r.gpu.acceleratorCount, gpuDriverInstallationConfig: { gpuDriverVersion: "DEFAULT" } }],
    });
  }

  const kubeconfig = gkeKubeconfig({ name: cluster.name, endpoint: cluster.endpoint, caData: cluster.masterAuth.clusterCaCertificate.apply((c) => c ?? "") });
  const provider = new k8s.Provider(`${name}-k8s`, { kubeconfig, enableServerSideApply: true, deleteUnreachable: false }, { parent, aliases: r.providerAliases, dependsOn: Object.values(nodePools) });
  return {
    outputs: {
      name: cluster.name,
      endpoint: cluster.endpoint,
      kubeconfig,
      provider,
      oidcIssuer: pulumi.interpolate`https://container.googleapis.com/v1/projects/${project}/locations/${cluster.location}/clusters/${cluster.name}`,
      workloadIdentity: pulumi.output("gke-workload-identity" as const),
      workloadPool,
      nodeRoleArn: pulumi.output(""),
      nodeServiceAccount: nodeServiceAccount.email,
      gpuEnabled: pulumi.output(r.gpu.enabled),
      storageClassName: pulumi.output(GKE_STORAGE_CLASS),
    },
    native: { cluster, nodePools, nodeServiceAccount, nodeRoles, ...(created ? { key: created } : {}), provider },
  };
}
