import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import * as random from "@pulumi/random";
import { dataVolumeClaim, kubernetesLabels, singleInstanceSpec, physicalName, requirePlacement, restrictedContainerSecurity, restrictedPodSecurity, sameNamespaceIngress } from "@mlops/core";
import { REDIS_PORT } from "../defaults";
import type { ResolvedCacheArgs } from "../defaults";
import type { CacheOutputs } from "../types";

/** The Kubernetes objects behind a Cache: the escape hatch. */
export interface KubernetesCacheNative {
  password: random.RandomPassword;
  secret: k8s.core.v1.Secret;
  service: k8s.core.v1.Service;
  statefulSet: k8s.apps.v1.StatefulSet;
  networkPolicy: k8s.networking.v1.NetworkPolicy;
}

/** The official image's `redis` user and group. */
export const REDIS_UID = 999;
export const REDIS_GID = 1000;

const probe = (initialDelaySeconds: number, periodSeconds: number): k8s.types.input.core.v1.Probe => ({
  // REDISCLI_AUTH carries the password, so it never appears on a command line.
  exec: { command: ["sh", "-c", "redis-cli -h 127.0.0.1 -p 6379 ping | grep -q PONG"] },
  initialDelaySeconds,
  periodSeconds,
  timeoutSeconds: 3,
  failureThreshold: 3,
});

/** One Redis primary in-cluster: password from a Secret, AOF on a PVC, restricted pod, same-namespace ingress only. */
export function build(parent: pulumi.Resource, name: string, r: ResolvedCacheArgs): { outputs: CacheOutputs; native: KubernetesCacheNative } {
  const placement = requirePlacement(parent, r.placement, "kubernetes");
  const namespace = placement.namespace;
  const selector = { "app.kubernetes.io/name": "redis", "app.kubernetes.io/instance": name };
  const labels = { ...kubernetesLabels(r.tags), ...selector, "app.kubernetes.io/component": "cache" };
  const metadata = (suffix: string) => ({ name: physicalName([name, suffix]), namespace, labels });

  const password = new random.RandomPassword(`${name}-password`, { length: 40, special: false }, { parent });
  const secret = new k8s.core.v1.Secret(
    `${name}-auth`,
    { metadata: metadata("redis-auth"), type: "Opaque", stringData: { password: password.result } },
    { parent, protect: r.protect },
  );
  const service = new k8s.core.v1.Service(
    `${name}-service`,
    { metadata: metadata("redis"), spec: { type: "ClusterIP", selector, ports: [{ name: "redis", port: REDIS_PORT, targetPort: "redis", protocol: "TCP" }] } },
    { parent },
  );
  const fromSecret = { secretKeyRef: { name: secret.metadata.name, key: "password" } };
  const maxMemoryMb = Math.floor(r.memorySizeGb * 1024 * 0.75);
  const statefulSet = new k8s.apps.v1.StatefulSet(
    `${name}-redis`,
    {
      metadata: metadata("redis"),
      spec: singleInstanceSpec({
        serviceName: service.metadata.name,
        selector,
        labels,
        dataVolume: dataVolumeClaim(labels, r.sizeGb, placement.storageClass),
        pod: {
          securityContext: restrictedPodSecurity(REDIS_UID, REDIS_GID),
          containers: [
            {
              name: "redis",
              image: r.engineNative,
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
        },
      }),
    },
    { parent, protect: r.protect },
  );
  const networkPolicy = new k8s.networking.v1.NetworkPolicy(
    `${name}-netpol`,
    {
      metadata: metadata("redis"),
      spec: sameNamespaceIngress(selector, REDIS_PORT),
    },
    { parent },
  );
  const pw = pulumi.secret(password.result);
  const host = pulumi.interpolate`${service.metadata.name}.${namespace}.svc.cluster.local`;
  return {
    outputs: {
      host,
      port: pulumi.output(REDIS_PORT),
      tls: pulumi.output(false),
      authToken: pw,
      connectionUrl: pulumi.secret(pulumi.interpolate`redis://:${pw}@${host}:${REDIS_PORT}`),
    },
    native: { password, secret, service, statefulSet, networkPolicy },
  };
}
