import * as pulumi from "@pulumi/pulumi";
import type * as k8sTypes from "@pulumi/kubernetes";
import type { Tags } from "../platform";
import { physicalName } from "../naming";
import { kubernetesLabels } from "../tags";
import { dataVolumeClaim, restrictedPodSecurity, singleInstanceSpec } from "../kubernetes";

/**
 * The longest StatefulSet name: its pods carry `controller-revision-hash: <name>-<10-char hash>`,
 * and a label value stops at 63 characters.
 */
export const MAX_STATEFULSET_NAME = 52;

/** One in-cluster data service's port. */
export interface ServicePort {
  name: string;
  port: number;
}

export interface InClusterServiceArgs {
  /** `app.kubernetes.io/name`, e.g. `postgresql`. */
  app: string;
  /** `app.kubernetes.io/component`, e.g. `database`. */
  component: string;
  namespace: pulumi.Input<string>;
  tags: Tags;
  protect: boolean;
  /** The Secret's string data (credentials); the Secret is named `<name>-<secretSuffix>`. */
  secretData: Record<string, pulumi.Input<string>>;
  secretSuffix: string;
  port: ServicePort;
  /** Namespaces (by `kubernetes.io/metadata.name`) whose pods may connect, besides the service's own. */
  clientNamespaces: readonly pulumi.Input<string>[];
  /** UID (and GID) the pod runs as under Pod Security "restricted". */
  uid: number;
  gid?: number;
  sizeGb: number;
  storageClass?: string;
  /**
   * The pod spec's containers and volumes, given the Secret's name (for `secretKeyRef`); the pod
   * security context, the service-account token and the data volume are set here.
   */
  pod: (secretName: pulumi.Output<string>) => Omit<k8sTypes.types.input.core.v1.PodSpec, "securityContext">;
  /** `app.kubernetes.io/instance`, part of the pod selector (immutable on a StatefulSet). Default: `name`. */
  instance?: string;
  /**
   * Labels on the data volume claim template, which a StatefulSet cannot change in place: the pod
   * selector (default) or every label (what the first Redis and MinIO releases used).
   */
  volumeLabels?: "selector" | "all";
  /** Old logical names of the objects, so a deployed stack keeps them (aliases). */
  previousNames?: Partial<Record<"secret" | "service" | "statefulSet" | "networkPolicy", string>>;
}

export interface InClusterService {
  secret: k8sTypes.core.v1.Secret;
  /** ClusterIP Service clients use. */
  service: k8sTypes.core.v1.Service;
  /** Headless Service that gives the StatefulSet's pods their stable DNS names. */
  headlessService: k8sTypes.core.v1.Service;
  statefulSet: k8sTypes.apps.v1.StatefulSet;
  podDisruptionBudget: k8sTypes.policy.v1.PodDisruptionBudget;
  networkPolicy: k8sTypes.networking.v1.NetworkPolicy;
  /** `<service>.<namespace>.svc.cluster.local`. */
  host: pulumi.Output<string>;
  /** The pod selector. */
  selector: Record<string, string>;
}

/**
 * A single-instance data service in a cluster, one copy for every in-cluster backend: a Secret,
 * a ClusterIP and a headless Service, a one-replica StatefulSet with a retained data volume and a
 * restricted pod, a PodDisruptionBudget and a NetworkPolicy that admits the service's own
 * namespace and the listed client namespaces on its port only. Names are capped so every label
 * the controllers add still fits.
 */
export function inClusterService(parent: pulumi.Resource, name: string, args: InClusterServiceArgs): InClusterService {
  const k8s = require("@pulumi/kubernetes") as typeof k8sTypes;
  const selector = { "app.kubernetes.io/name": args.app, "app.kubernetes.io/instance": args.instance ?? name };
  const labels = { ...kubernetesLabels(args.tags), ...selector, "app.kubernetes.io/component": args.component };
  const meta = (objectName: string) => ({ name: objectName, namespace: args.namespace, labels });
  const was = (key: keyof NonNullable<InClusterServiceArgs["previousNames"]>): pulumi.Alias[] => {
    const old = args.previousNames?.[key];
    return old ? [{ name: old }] : [];
  };

  const secret = new k8s.core.v1.Secret(
    `${name}-${args.secretSuffix}`,
    { metadata: meta(physicalName([name, args.secretSuffix])), type: "Opaque", stringData: args.secretData },
    { parent, protect: args.protect, aliases: was("secret") },
  );
  const port = { name: args.port.name, port: args.port.port, targetPort: args.port.name, protocol: "TCP" };
  const headlessService = new k8s.core.v1.Service(
    `${name}-headless`,
    { metadata: meta(physicalName([name, "headless"])), spec: { clusterIP: "None", publishNotReadyAddresses: true, selector, ports: [port] } },
    { parent },
  );
  const service = new k8s.core.v1.Service(
    `${name}-service`,
    { metadata: meta(physicalName([name])), spec: { type: "ClusterIP", selector, ports: [port] } },
    { parent, aliases: was("service") },
  );
  const statefulSet = new k8s.apps.v1.StatefulSet(
    `${name}-statefulset`,
    {
      metadata: meta(physicalName([name], MAX_STATEFULSET_NAME)),
      spec: singleInstanceSpec({
        serviceName: headlessService.metadata.name,
        selector,
        labels,
        dataVolume: dataVolumeClaim(args.volumeLabels === "all" ? labels : selector, args.sizeGb, args.storageClass),
        pod: { ...args.pod(secret.metadata.name), securityContext: restrictedPodSecurity(args.uid, args.gid ?? args.uid) },
      }),
    },
    { parent, protect: args.protect, aliases: was("statefulSet") },
  );
  // One replica: a budget allowing no disruption would stall every node drain and upgrade, so
  // one pod may go; the budget becomes a real limit once a service runs more replicas.
  const podDisruptionBudget = new k8s.policy.v1.PodDisruptionBudget(
    `${name}-pdb`,
    { metadata: meta(physicalName([name])), spec: { maxUnavailable: 1, unhealthyPodEvictionPolicy: "IfHealthyBudget", selector: { matchLabels: selector } } },
    { parent },
  );
  const peers = [
    { podSelector: {} },
    ...args.clientNamespaces.map((ns) => ({ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": ns } } })),
  ];
  const networkPolicy = new k8s.networking.v1.NetworkPolicy(
    `${name}-ingress`,
    {
      metadata: meta(physicalName([name, "ingress"])),
      spec: { podSelector: { matchLabels: selector }, policyTypes: ["Ingress"], ingress: [{ from: peers, ports: [{ protocol: "TCP", port: args.port.port }] }] },
    },
    { parent, aliases: was("networkPolicy") },
  );
  const host = pulumi.interpolate`${service.metadata.name}.${args.namespace}.svc.cluster.local`;
  return { secret, service, headlessService, statefulSet, podDisruptionBudget, networkPolicy, host, selector };
}
