import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import type * as random from "@pulumi/random";
import { dataVolumeClaim, kubernetesLabels, singleInstanceSpec, physicalName, requirePlacement, restrictedContainerSecurity, restrictedPodSecurity, sameNamespaceIngress } from "@mlops/core";
import type { Tier } from "@mlops/core";
import { POSTGRES_PORT } from "../defaults";
import type { PostgresMajorVersion, ResolvedDatabaseArgs } from "../defaults";
import { adminPassword, databaseOutputs } from "../connection";
import type { DatabaseOutputs } from "../types";

/** The Kubernetes objects behind a Database: the escape hatch. */
export interface KubernetesDatabaseNative {
  statefulSet: k8s.apps.v1.StatefulSet;
  /** ClusterIP Service clients connect to. */
  service: k8s.core.v1.Service;
  /** Headless Service that names the StatefulSet's pod. */
  headlessService: k8s.core.v1.Service;
  secret: k8s.core.v1.Secret;
  networkPolicy: k8s.networking.v1.NetworkPolicy;
  password: random.RandomPassword;
}

/** Official `postgres` Alpine images, pinned to a patch release per major version. */
export const POSTGRES_IMAGES: Readonly<Record<PostgresMajorVersion, string>> = {
  "13": "postgres:13.23-alpine",
  "14": "postgres:14.21-alpine",
  "15": "postgres:15.16-alpine",
  "16": "postgres:16.12-alpine",
  "17": "postgres:17.8-alpine",
};

/** Container requests and limits per tier. */
export const POSTGRES_RESOURCES: Readonly<Record<Tier, { requests: Record<string, string>; limits: Record<string, string> }>> = {
  dev: { requests: { cpu: "250m", memory: "512Mi" }, limits: { cpu: "1", memory: "1Gi" } },
  staging: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "2", memory: "2Gi" } },
  prod: { requests: { cpu: "1", memory: "2Gi" }, limits: { cpu: "2", memory: "4Gi" } },
};

/** The `postgres` user of the Alpine image. */
const POSTGRES_UID = 70;
const DATA_DIR = "/var/lib/postgresql/data";

/**
 * A single PostgreSQL pod (StatefulSet with one volume claim) in `placement.kubernetes.namespace`,
 * "restricted" Pod Security, reachable on 5432 only from pods of the same namespace. No TLS: the
 * traffic stays inside the namespace, hence `sslmode=disable`. `highAvailability`,
 * `backupRetentionDays`, `deletionProtection` and `instanceClass` have no effect here (one replica;
 * Velero backs up the volume; `protect` guards the StatefulSet; requests come from the tier).
 */
export function build(parent: pulumi.Resource, name: string, r: ResolvedDatabaseArgs): { outputs: DatabaseOutputs; native: KubernetesDatabaseNative } {
  const { namespace, storageClass } = requirePlacement(parent, r.placement, "kubernetes");
  const selector = { "app.kubernetes.io/name": "postgresql", "app.kubernetes.io/instance": name };
  const labels = { ...kubernetesLabels(r.tags), ...selector, "app.kubernetes.io/component": "database" };
  const meta = (objectName: string) => ({ name: objectName, namespace, labels });
  const password = adminPassword(parent, name, r);

  const secret = new k8s.core.v1.Secret(`${name}-credentials`, {
    metadata: meta(physicalName([name, "credentials"])),
    type: "Opaque",
    stringData: { POSTGRES_PASSWORD: password.result },
  }, { parent });
  const port = { name: "postgres", port: POSTGRES_PORT, targetPort: "postgres", protocol: "TCP" };
  const headlessService = new k8s.core.v1.Service(`${name}-headless`, {
    metadata: meta(physicalName([name, "headless"])),
    spec: { clusterIP: "None", selector, ports: [port] },
  }, { parent });
  const service = new k8s.core.v1.Service(`${name}-service`, {
    metadata: meta(physicalName([name])),
    spec: { type: "ClusterIP", selector, ports: [port] },
  }, { parent });

  const isReady = { exec: { command: ["pg_isready", "-h", "127.0.0.1", "-p", String(POSTGRES_PORT), "-U", r.username, "-d", r.databaseName] } };
  const statefulSet = new k8s.apps.v1.StatefulSet(`${name}-statefulset`, {
    metadata: meta(physicalName([name], 52)),
    spec: singleInstanceSpec({
      serviceName: headlessService.metadata.name,
      selector,
      labels,
      dataVolume: dataVolumeClaim(selector, r.sizeGb, storageClass),
      pod: {
        terminationGracePeriodSeconds: 60,
        securityContext: restrictedPodSecurity(POSTGRES_UID),
        containers: [{
          name: "postgres",
          image: POSTGRES_IMAGES[r.engineVersion],
          imagePullPolicy: "IfNotPresent",
          ports: [{ name: "postgres", containerPort: POSTGRES_PORT, protocol: "TCP" }],
          env: [
            { name: "POSTGRES_USER", value: r.username },
            { name: "POSTGRES_DB", value: r.databaseName },
            { name: "POSTGRES_PASSWORD", valueFrom: { secretKeyRef: { name: secret.metadata.name, key: "POSTGRES_PASSWORD" } } },
            // A subdirectory: the volume's root holds lost+found on some provisioners.
            { name: "PGDATA", value: `${DATA_DIR}/pgdata` },
          ],
          resources: POSTGRES_RESOURCES[r.tier],
          startupProbe: { ...isReady, periodSeconds: 5, failureThreshold: 60 },
          readinessProbe: { ...isReady, periodSeconds: 10, timeoutSeconds: 5 },
          livenessProbe: { ...isReady, periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 6 },
          securityContext: restrictedContainerSecurity(POSTGRES_UID),
          // The root filesystem is read-only: the socket/lock dir and /tmp are emptyDirs.
          volumeMounts: [
            { name: "data", mountPath: DATA_DIR },
            { name: "run", mountPath: "/var/run/postgresql" },
            { name: "tmp", mountPath: "/tmp" },
          ],
        }],
        volumes: [{ name: "run", emptyDir: {} }, { name: "tmp", emptyDir: {} }],
      },
    }),
  }, { parent, protect: r.protect });

  const networkPolicy = new k8s.networking.v1.NetworkPolicy(`${name}-ingress`, {
    metadata: meta(physicalName([name, "ingress"])),
    spec: sameNamespaceIngress(selector, POSTGRES_PORT),
  }, { parent });

  const host = pulumi.interpolate`${service.metadata.name}.${namespace}.svc.cluster.local`;
  const outputs = databaseOutputs({ host, port: POSTGRES_PORT, resolved: r, password, sslMode: "disable" });
  return { outputs, native: { statefulSet, service, headlessService, secret, networkPolicy, password } };
}
