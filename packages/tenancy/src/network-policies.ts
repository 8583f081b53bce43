import type * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";

type Spec = k8s.types.input.networking.v1.NetworkPolicySpec;
type Peer = k8s.types.input.networking.v1.NetworkPolicyPeer;

/** The label every Namespace carries (Kubernetes >= 1.22 sets it): how peers are selected by name. */
export const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
/** The label that marks a platform-managed namespace with its purpose (`data`, ..., `team`). */
export const PURPOSE_LABEL = "mlops.platform/purpose";
/** The label that marks a team namespace (read by the team-quota policy). */
export const TEAM_LABEL = "mlops.platform/team";

/**
 * Prometheus pods are selected by `app.kubernetes.io/name: prometheus` (the label the Prometheus
 * Operator and kube-prometheus-stack put on them) in the monitoring namespace, and scrape the
 * container port NAMED `metrics` (TCP): a workload opts in by naming its port, whatever its number.
 */
export const PROMETHEUS_SELECTOR: Readonly<Record<string, string>> = { "app.kubernetes.io/name": "prometheus" };
export const METRICS_PORT_NAME = "metrics";

/** The in-cluster data services' ports (PostgreSQL, Redis, MinIO). */
export const IN_CLUSTER_DATA_PORTS = [5432, 6379, 9000] as const;
/** The managed data services' ports on aws/gcp (RDS / Cloud SQL, ElastiCache / Memorystore). */
export const MANAGED_DATA_PORTS = [5432, 6379] as const;
/** Cloud APIs (S3, GCS, STS, SageMaker, Vertex AI, ...) are HTTPS on public endpoints. */
export const HTTPS_PORT = 443;
/**
 * gcp, Workload Identity: pods fetch tokens from the GKE metadata server, at 169.254.169.254:80
 * (GKE Dataplane V2) or 169.254.169.252:988 (otherwise).
 */
export const GKE_METADATA: readonly { cidr: string; port: number }[] = [
  { cidr: "169.254.169.254/32", port: 80 },
  { cidr: "169.254.169.252/32", port: 988 },
];

const byName = (namespace: string): Peer => ({ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: namespace } } });
const tcp = (ports: readonly (number | string)[]) => ports.map((port) => ({ protocol: "TCP", port }));

/** Every pod of the namespace: no ingress, no egress unless another policy allows it. */
export function defaultDeny(): Spec {
  return { podSelector: {}, policyTypes: ["Ingress", "Egress"] };
}

/** DNS to kube-dns (CoreDNS keeps the `k8s-app: kube-dns` label on EKS, GKE and Kind), UDP and TCP 53. */
export function allowDns(): Spec {
  return {
    podSelector: {},
    policyTypes: ["Egress"],
    egress: [{ to: [{ ...byName("kube-system"), podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }], ports: [{ protocol: "UDP", port: 53 }, { protocol: "TCP", port: 53 }] }],
  };
}

/** Pods may connect to pods of their own namespace (each server still needs an ingress allow). */
export function allowSameNamespaceEgress(): Spec {
  return { podSelector: {}, policyTypes: ["Egress"], egress: [{ to: [{ podSelector: {} }] }] };
}

/** Pods accept connections from pods of their own namespace (not in `data`: each data service admits its clients). */
export function allowSameNamespaceIngress(): Spec {
  return { podSelector: {}, policyTypes: ["Ingress"], ingress: [{ from: [{ podSelector: {} }] }] };
}

/** Prometheus in the monitoring namespace may scrape every pod's `metrics` port. */
export function allowMetricsScrape(monitoringNamespace: string): Spec {
  return {
    podSelector: {},
    policyTypes: ["Ingress"],
    ingress: [{ from: [{ ...byName(monitoringNamespace), podSelector: { matchLabels: { ...PROMETHEUS_SELECTOR } } }], ports: tcp([METRICS_PORT_NAME]) }],
  };
}

/** monitoring only: Prometheus may reach the `metrics` port in every platform-managed namespace. */
export function allowScrapeEgress(): Spec {
  return {
    podSelector: { matchLabels: { ...PROMETHEUS_SELECTOR } },
    policyTypes: ["Egress"],
    egress: [{ to: [{ namespaceSelector: { matchExpressions: [{ key: PURPOSE_LABEL, operator: "Exists" }] } }], ports: tcp([METRICS_PORT_NAME]) }],
  };
}

/** kubernetes: data clients reach the data namespace on PostgreSQL, Redis and MinIO. */
export function allowInClusterDataServices(dataNamespace: string): Spec {
  return { podSelector: {}, policyTypes: ["Egress"], egress: [{ to: [byName(dataNamespace)], ports: tcp(IN_CLUSTER_DATA_PORTS) }] };
}

/** aws/gcp: data clients reach the managed data services' private range on 5432 and 6379. */
export function allowManagedDataServices(cidrs: readonly pulumi.Input<string>[]): Spec {
  return { podSelector: {}, policyTypes: ["Egress"], egress: [{ to: cidrs.map((cidr) => ({ ipBlock: { cidr } })), ports: tcp(MANAGED_DATA_PORTS) }] };
}

/**
 * aws/gcp: data clients reach cloud APIs over HTTPS (their endpoints are public addresses, even
 * through VPC endpoints or Private Google Access), never link-local addresses; gcp adds the GKE
 * metadata server for Workload Identity tokens.
 */
export function allowCloudApis(gkeMetadata: boolean): Spec {
  const egress: k8s.types.input.networking.v1.NetworkPolicyEgressRule[] = [{ to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["169.254.0.0/16"] } }], ports: tcp([HTTPS_PORT]) }];
  if (gkeMetadata) for (const m of GKE_METADATA) egress.push({ to: [{ ipBlock: { cidr: m.cidr } }], ports: tcp([m.port]) });
  return { podSelector: {}, policyTypes: ["Egress"], egress };
}
