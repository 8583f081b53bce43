import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import * as random from "@pulumi/random";
import { inClusterService, kubernetesLabels, physicalName, requirePlacement, restrictedContainerSecurity, restrictedPodSecurity, type InClusterService } from "@mlops/core";
import type { ResolvedObjectStoreArgs } from "../defaults";
import type { ObjectStoreOutputs } from "../types";

/** The Kubernetes objects behind an ObjectStore: the escape hatch. */
export type KubernetesObjectStoreNative = Omit<InClusterService, "host" | "selector"> & {
  rootUser: random.RandomPassword;
  rootPassword: random.RandomPassword;
  /** Creates the bucket and sets its versioning and expiry rules once MinIO answers. */
  bucketJob: k8s.batch.v1.Job;
};

/** The MinIO server image, pinned (the last release published as an image). */
export const MINIO_IMAGE = "quay.io/minio/minio:RELEASE.2025-09-07T16-13-09Z";
/** The MinIO client image the bucket job runs, pinned. */
export const MC_IMAGE = "quay.io/minio/mc:RELEASE.2025-08-13T08-35-41Z";
/** The S3 API port; the console (9001) is not exposed. */
export const MINIO_PORT = 9000;
const UID = 1000;
/** S3 bucket names (MinIO follows them) have 3 to 63 characters. */
const MIN_BUCKET_NAME = 3;

/** The bucket job's script: create the bucket, set versioning, replace the expiry rules. */
export function bucketScript(bucketName: string, r: Pick<ResolvedObjectStoreArgs, "versioning" | "expireNoncurrentAfterDays" | "expireAfterDays">): string {
  const target = `"store/${bucketName}"`;
  const expiry = [`--noncurrent-expire-days ${r.expireNoncurrentAfterDays}`, ...(r.expireAfterDays !== undefined ? [`--expire-days ${r.expireAfterDays}`] : [])];
  return [
    "set -eu",
    `mc alias set store "$ENDPOINT" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD"`,
    `mc mb --ignore-existing ${target}`,
    `mc version ${r.versioning ? "enable" : "suspend"} ${target}`,
    // Re-runs when the rules change: drop the old ones (none on the first run) before adding.
    `mc ilm rule rm --all --force ${target} || true`,
    `mc ilm rule add ${expiry.join(" ")} ${target}`,
  ].join("\n");
}

/**
 * MinIO in-cluster: root user and password generated (secrets) and kept in a Secret, data on a
 * retained volume, a restricted pod, a ClusterIP and a headless Service, a PodDisruptionBudget,
 * ingress on the S3 API port from its own namespace and the client namespaces only, and a Job
 * that creates the bucket with its versioning and expiry rules (MinIO has no colder class, so no
 * transitions). Encryption at rest relies on the volume's StorageClass: MinIO's own SSE needs a
 * KMS (KES), which a Kind cluster does not have, so `kmsKeyId` is "".
 *
 * The server objects are built under the base name `<name>-minio`, the physical names the first
 * release used (Secret `<name>-minio-credentials`, Service and StatefulSet `<name>-minio`), so a
 * deployed StatefulSet keeps its volume claim (`data-<name>-minio-0`) and clients their endpoint.
 */
export function build(parent: pulumi.Resource, name: string, r: ResolvedObjectStoreArgs): { outputs: ObjectStoreOutputs; native: KubernetesObjectStoreNative } {
  const { namespace, storageClass } = requirePlacement(parent, r.placement, "kubernetes");
  const bucketName = physicalName([name]);
  if (bucketName.length < MIN_BUCKET_NAME) {
    throw new pulumi.ResourceError(`name: ${JSON.stringify(name)} is not allowed; the MinIO bucket is named after the component and S3 bucket names need 3 to 63 characters`, parent);
  }
  const containerSecurity = restrictedContainerSecurity(UID);

  // Alphanumeric only, so neither needs escaping in the Job's script or in a client's config.
  const rootUser = new random.RandomPassword(`${name}-root-user`, { length: 20, special: false, upper: false }, { parent });
  const rootPassword = new random.RandomPassword(`${name}-root-password`, { length: 40, special: false }, { parent });
  const probe = (path: string, initialDelaySeconds: number): k8s.types.input.core.v1.Probe => ({ httpGet: { path, port: "s3" }, initialDelaySeconds, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 });
  const server = inClusterService(parent, `${name}-minio`, {
    app: "minio",
    component: "object-store",
    namespace,
    tags: r.tags,
    protect: r.protect,
    secretSuffix: "credentials",
    secretData: { MINIO_ROOT_USER: rootUser.result, MINIO_ROOT_PASSWORD: rootPassword.result },
    port: { name: "s3", port: MINIO_PORT },
    clientNamespaces: r.clientNamespaces,
    uid: UID,
    sizeGb: r.sizeGb,
    ...(storageClass ? { storageClass } : {}),
    // The first release's selector and claim labels: a StatefulSet cannot change either in place.
    instance: name,
    volumeLabels: "all",
    previousNames: { secret: `${name}-credentials`, service: `${name}-service`, statefulSet: `${name}-minio`, networkPolicy: `${name}-netpol` },
    pod: (secretName) => ({
      containers: [
        {
          name: "minio",
          image: MINIO_IMAGE,
          imagePullPolicy: "IfNotPresent",
          args: ["server", "/data", "--address", `:${MINIO_PORT}`, "--certs-dir", "/tmp/certs"],
          envFrom: [{ secretRef: { name: secretName } }],
          env: [{ name: "MINIO_BROWSER", value: "off" }],
          ports: [{ name: "s3", containerPort: MINIO_PORT, protocol: "TCP" }],
          volumeMounts: [{ name: "data", mountPath: "/data" }, { name: "tmp", mountPath: "/tmp" }],
          resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "1", memory: "1Gi" } },
          livenessProbe: probe("/minio/health/live", 20),
          readinessProbe: probe("/minio/health/ready", 5),
          securityContext: containerSecurity,
        },
      ],
      volumes: [{ name: "tmp", emptyDir: {} }],
    }),
  });

  const endpoint = pulumi.interpolate`http://${server.host}:${MINIO_PORT}`;
  // Not the server's selector labels: the Services and the NetworkPolicy must not pick this pod.
  const jobLabels = { ...kubernetesLabels(r.tags), "app.kubernetes.io/name": "minio-mc", "app.kubernetes.io/instance": name, "app.kubernetes.io/component": "object-store-setup" };
  const bucketJob = new k8s.batch.v1.Job(
    `${name}-create-bucket`,
    {
      metadata: { name: physicalName([name, "create-bucket"]), namespace, labels: jobLabels },
      spec: {
        backoffLimit: 10,
        template: {
          metadata: { labels: jobLabels },
          spec: {
            restartPolicy: "OnFailure",
            automountServiceAccountToken: false,
            enableServiceLinks: false,
            securityContext: restrictedPodSecurity(UID),
            containers: [
              {
                name: "mc",
                image: MC_IMAGE,
                imagePullPolicy: "IfNotPresent",
                command: ["/bin/sh", "-c", bucketScript(bucketName, r)],
                envFrom: [{ secretRef: { name: server.secret.metadata.name } }],
                env: [{ name: "ENDPOINT", value: endpoint }, { name: "MC_CONFIG_DIR", value: "/tmp/.mc" }],
                volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
                resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
                securityContext: containerSecurity,
              },
            ],
            volumes: [{ name: "tmp", emptyDir: {} }],
          },
        },
      },
    },
    { parent, dependsOn: [server.statefulSet] },
  );

  const { host: _host, selector: _selector, ...objects } = server;
  return {
    outputs: { bucketName: pulumi.output(bucketName), url: pulumi.output(`s3://${bucketName}`), endpoint, kmsKeyId: pulumi.output("") },
    native: { ...objects, rootUser, rootPassword, bucketJob },
  };
}
