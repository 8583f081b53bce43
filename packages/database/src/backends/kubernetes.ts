import type * as pulumi from "@pulumi/pulumi";
import type * as random from "@pulumi/random";
import { inClusterService, requirePlacement, restrictedContainerSecurity, type InClusterService } from "@mlops/core";
import type { Tier } from "@mlops/core";
import { POSTGRES_PORT } from "../defaults";
import type { PostgresMajorVersion, ResolvedDatabaseArgs } from "../defaults";
import { adminPassword, databaseOutputs } from "../connection";
import type { DatabaseOutputs } from "../types";

/** The Kubernetes objects behind a Database: the escape hatch. */
export type KubernetesDatabaseNative = Omit<InClusterService, "host" | "selector"> & { password: random.RandomPassword };

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
 * "restricted" Pod Security, reachable on 5432 from its own namespace and the client namespaces
 * only. No TLS: the traffic stays on the cluster network, hence `sslmode=disable`.
 * `highAvailability`, `backupRetentionDays`, `deletionProtection` and `instanceClass` have no
 * effect here (one replica; Velero backs up the volume; `protect` guards the StatefulSet;
 * requests come from the tier).
 */
export function build(parent: pulumi.ComponentResource, name: string, r: ResolvedDatabaseArgs): { outputs: DatabaseOutputs; native: KubernetesDatabaseNative } {
  const { namespace, storageClass } = requirePlacement(parent, r.placement, "kubernetes");
  const password = adminPassword(parent, name, r);
  const isReady = { exec: { command: ["pg_isready", "-h", "127.0.0.1", "-p", String(POSTGRES_PORT), "-U", r.username, "-d", r.databaseName] } };
  const service = inClusterService(parent, name, {
    app: "postgresql",
    component: "database",
    namespace,
    tags: r.tags,
    protect: r.protect,
    secretSuffix: "credentials",
    secretData: { POSTGRES_PASSWORD: password.result },
    port: { name: "postgres", port: POSTGRES_PORT },
    clientNamespaces: r.clientNamespaces,
    uid: POSTGRES_UID,
    sizeGb: r.sizeGb,
    ...(storageClass ? { storageClass } : {}),
    pod: (secretName) => ({
      terminationGracePeriodSeconds: 60,
      containers: [{
        name: "postgres",
        image: POSTGRES_IMAGES[r.engineVersion],
        imagePullPolicy: "IfNotPresent",
        ports: [{ name: "postgres", containerPort: POSTGRES_PORT, protocol: "TCP" }],
        env: [
          { name: "POSTGRES_USER", value: r.username },
          { name: "POSTGRES_DB", value: r.databaseName },
          { name: "POSTGRES_PASSWORD", valueFrom: { secretKeyRef: { name: secretName, key: "POSTGRES_PASSWORD" } } },
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
    }),
  });
  const outputs = databaseOutputs({ host: service.host, port: POSTGRES_PORT, resolved: r, password, sslMode: "disable" });
  const { host: _host, selector: _selector, ...objects } = service;
  return { outputs, native: { ...objects, password } };
}
