import type * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";

// Plain spec fragments every in-cluster backend shares, so Pod Security "restricted", the data
// volume and the namespace-only ingress are written once. Type-only import: no SDK load.

type PodSecurityContext = k8s.types.input.core.v1.PodSecurityContext;
type SecurityContext = k8s.types.input.core.v1.SecurityContext;

/** Pod-level security context that satisfies Pod Security "restricted". */
export function restrictedPodSecurity(uid: number, gid = uid): PodSecurityContext {
  return { runAsNonRoot: true, runAsUser: uid, runAsGroup: gid, fsGroup: gid, fsGroupChangePolicy: "OnRootMismatch", seccompProfile: { type: "RuntimeDefault" } };
}

/** Container-level security context for "restricted": no privilege, no capabilities, read-only root. */
export function restrictedContainerSecurity(uid: number, gid = uid): SecurityContext {
  return {
    allowPrivilegeEscalation: false,
    privileged: false,
    capabilities: { drop: ["ALL"] },
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    runAsUser: uid,
    runAsGroup: gid,
  };
}

/** The `data` volume claim of a single-replica StatefulSet. */
export function dataVolumeClaim(labels: Record<string, string>, sizeGb: number, storageClass?: string): k8s.types.input.core.v1.PersistentVolumeClaim {
  return {
    metadata: { name: "data", labels },
    spec: {
      accessModes: ["ReadWriteOnce"],
      ...(storageClass ? { storageClassName: storageClass } : {}),
      resources: { requests: { storage: `${sizeGb}Gi` } },
    },
  };
}

/** NetworkPolicy spec: the selected pods accept TCP on `port` from pods of their own namespace only. */
export function sameNamespaceIngress(selector: Record<string, string>, port: number): k8s.types.input.networking.v1.NetworkPolicySpec {
  return { podSelector: { matchLabels: selector }, policyTypes: ["Ingress"], ingress: [{ from: [{ podSelector: {} }], ports: [{ protocol: "TCP", port }] }] };
}

/**
 * The StatefulSet spec of a single-instance data service: one replica, volumes kept when the set
 * is deleted or scaled, no service-account token or service-link env in the pod.
 */
export function singleInstanceSpec(args: {
  serviceName: pulumi.Input<string>;
  selector: Record<string, string>;
  labels: Record<string, string>;
  pod: k8s.types.input.core.v1.PodSpec;
  dataVolume: k8s.types.input.core.v1.PersistentVolumeClaim;
}): k8s.types.input.apps.v1.StatefulSetSpec {
  return {
    replicas: 1,
    serviceName: args.serviceName,
    selector: { matchLabels: args.selector },
    persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" },
    template: { metadata: { labels: args.labels }, spec: { automountServiceAccountToken: false, enableServiceLinks: false, ...args.pod } },
    volumeClaimTemplates: [args.dataVolume],
  };
}
