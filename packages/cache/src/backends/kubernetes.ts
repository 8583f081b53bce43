import * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";
import * as random from "@pulumi/random";
import { inClusterService, requirePlacement, restrictedContainerSecurity, type InClusterService } from "@mlops/core";
import { REDIS_PORT } from "../defaults";
import type { ResolvedCacheArgs } from "../defaults";
import type { CacheOutputs } from "../types";

/** The Kubernetes objects behind a Cache: the escape hatch. */
export type KubernetesCacheNative = Omit<InClusterService, "host" | "selector"> & { password: random.RandomPassword };

/** The official image's `redis` user and group. */
export const REDIS_UID = 999;
export const REDIS_GID = 1000;
/** Redis' `maxmemory` as a share of the container's memory limit: the rest is for the AOF rewrite fork and buffers. */
export const MAXMEMORY_SHARE = 0.75;

const probe = (initialDelaySeconds: number, periodSeconds: number): k8s.types.input.core.v1.Probe => ({
  // REDISCLI_AUTH carries the password, so it never appears on a command line.
  exec: { command: ["sh", "-c", `redis-cli -h 127.0.0.1 -p ${REDIS_PORT} ping | grep -q PONG`] },
  initialDelaySeconds,
  periodSeconds,
  timeoutSeconds: 3,
  failureThreshold: 3,
});

/**
 * One Redis primary in-cluster: password from a Secret, AOF on a retained volume, restricted pod,
 * a ClusterIP and a headless Service, a PodDisruptionBudget, and ingress on 6379 from its own
 * namespace and the client namespaces only. No TLS (the traffic stays on the cluster network).
 *
 * The objects are built under the base name `<name>-redis`, the physical names the first
 * release used (Secret `<name>-redis-auth`, Service and StatefulSet `<name>-redis`), so a
 * deployed StatefulSet keeps its volume claim (`data-<name>-redis-0`) and clients their host.
 */
export function build(parent: pulumi.Resource, name: string, r: ResolvedCacheArgs): { outputs: CacheOutputs; native: KubernetesCacheNative } {
  const { namespace, storageClass } = requirePlacement(parent, r.placement, "kubernetes");
  const password = new random.RandomPassword(`${name}-password`, { length: 40, special: false }, { parent });
  const maxMemoryMb = Math.floor(r.memorySizeGb * 1024 * MAXMEMORY_SHARE);
  const service = inClusterService(parent, `${name}-redis`, {
    app: "redis",
    component: "cache",
    namespace,
    tags: r.tags,
    protect: r.protect,
    secretSuffix: "auth",
    secretData: { password: password.result },
    port: { name: "redis", port: REDIS_PORT },
    clientNamespaces: r.clientNamespaces,
    uid: REDIS_UID,
    gid: REDIS_GID,
    sizeGb: r.sizeGb,
    ...(storageClass ? { storageClass } : {}),
    // The first release's selector and claim labels: a StatefulSet cannot change either in place.
    instance: name,
    volumeLabels: "all",
    previousNames: { secret: `${name}-auth`, service: `${name}-service`, statefulSet: `${name}-redis`, networkPolicy: `${name}-netpol` },
    pod: (secretName) => {
      const fromSecret = { secretKeyRef: { name: secretName, key: "password" } };
      return {
        containers: [
          {
            name: "redis",
            image: r.engineNative,
            imagePullPolicy: "IfNotPresent",
            command: ["redis-server"],
            args: ["--requirepass", "$(REDIS_PASSWORD)", "--appendonly", "yes", "--dir", "/data", "--port", String(REDIS_PORT), "--maxmemory", `${maxMemoryMb}mb`],
            env: [
              { name: "REDIS_PASSWORD", valueFrom: fromSecret },
              { name: "REDISCLI_AUTH", valueFrom: fromSecret },
            ],
            ports: [{ name: "redis", containerPort: REDIS_PORT, protocol: "TCP" }],
            volumeMounts: [{ name: "data", mountPath: "/data" }],
            resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "1", memory: `${r.memorySizeGb}Gi` } },
            livenessProbe: probe(15, 10),
            readinessProbe: probe(5, 5),
            securityContext: restrictedContainerSecurity(REDIS_UID, REDIS_GID),
          },
        ],
      };
    },
  });
  const pw = pulumi.secret(password.result);
  const { host, selector: _selector, ...objects } = service;
  return {
    outputs: {
      host,
      port: pulumi.output(REDIS_PORT),
      tls: pulumi.output(false),
      caCertificate: pulumi.output(""),
      authToken: pw,
      connectionUrl: pulumi.secret(pulumi.interpolate`redis://:${pw}@${host}:${REDIS_PORT}`),
    },
    native: { ...objects, password },
  };
}
