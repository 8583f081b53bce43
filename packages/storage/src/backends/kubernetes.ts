import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import * as random from "@pulumi/random";
import { dataVolumeClaim, invalidArg, kubernetesLabels, physicalName, requirePlacement, restrictedContainerSecurity, restrictedPodSecurity, sameNamespaceIngress, singleInstanceSpec } from "@mlops/core";
import type { ResolvedObjectStoreArgs } from "../defaults";
import type { ObjectStoreOutputs } from "../types";

/** The Kubernetes objects behind an ObjectStore: the escape hatch. */
export interface KubernetesObjectStoreNative {
  rootUser: random.RandomPassword;
  rootPassword: random.RandomPassword;
  secret: k8s.core.v1.Secret;
  service: k8s.core.v1.Service;
  statefulSet: k8s.apps.v1.StatefulSet;
  networkPolicy: k8s.networking.v1.NetworkPolicy;
  /** Creates the bucket (versioning on when asked) once MinIO answers. */
  bucketJob: k8s.batch.v1.Job;
}

/** The MinIO server image, pinned (the last release published as an image). */
export const MINIO_IMAGE = "quay.io/minio/minio:RELEASE.2025-09-07T16-13-09Z";
/** The MinIO client image the bucket job runs, pinned. */
export const MC_IMAGE = "quay.io/minio/mc:RELEASE.2025-08-13T08-35-41Z";
/** The S3 API port; the console (9001) is not exposed. */
export const MINIO_PORT = 9000;
const UID = 1000;

/** Restricted-profile security contexts shared by the server and the bucket job. */
const podSecurity = restrictedPodSecurity(UID);
const containerSecurity = restrictedContainerSecurity(UID);

/**
 * MinIO in-cluster: root user and password generated (secrets) and kept in a Secret, data on a
 * PVC, a restricted pod, ingress only from the namespace on the S3 API port, and a Job that
 * creates the bucket. Encryption at rest relies on the volume's StorageClass: MinIO's own SSE
 * needs a KMS (KES), which a Kind cluster does not have, so `kmsKeyId` is "".
 */
export function build(parent: pulumi.Resource, name: string, r: ResolvedObjectStoreArgs): { outputs: ObjectStoreOutputs; native: KubernetesObjectStoreNative } {
  const placement = requirePlacement(parent, r.placement, "kubernetes");
  const namespace = placement.namespace;
  const selector = { "app.kubernetes.io/name": "minio", "app.kubernetes.io/instance": name };
  const labels = { ...kubernetesLabels(r.tags), ...selector, "app.kubernetes.io/component": "object-store" };
  const metadata = (suffix: string) => ({ name: physicalName([name, suffix]), namespace, labels });
  const bucketName = physicalName([name]);
  if (bucketName.length < 3) invalidArg(parent, "name", name, "the MinIO bucket is named after the component and S3 bucket names need 3 to 63 characters");

  // Alphanumeric only, so neither needs escaping in the Job's script or in a client's config.
  const rootUser = new random.RandomPassword(`${name}-root-user`, { length: 20, special: false, upper: false }, { parent });
  const rootPassword = new random.RandomPassword(`${name}-root-password`, { length: 40, special: false }, { parent });
  const stringData = { MINIO_ROOT_USER: rootUser.result, MINIO_ROOT_PASSWORD: rootPassword.result };
  const secret = new k8s.core.v1.Secret(`${name}-credentials`, { metadata: metadata("minio-credentials"), type: "Opaque", stringData }, { parent, protect: r.protect });
  const service = new k8s.core.v1.Service(
    `${name}-service`,
    { metadata: metadata("minio"), spec: { type: "ClusterIP", selector, ports: [{ name: "s3", port: MINIO_PORT, targetPort: "s3", protocol: "TCP" }] } },
    { parent },
  );
  const probe = (path: string, initialDelaySeconds: number): k8s.types.input.core.v1.Probe => ({ httpGet: { path, port: "s3" }, initialDelaySeconds, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 });
  const statefulSet = new k8s.apps.v1.StatefulSet(
    `${name}-minio`,
    {
      metadata: metadata("minio"),
      spec: singleInstanceSpec({
        serviceName: service.metadata.name,
        selector,
        labels,
        dataVolume: dataVolumeClaim(labels, r.sizeGb, placement.storageClass),
        pod: {
          securityContext: podSecurity,
          containers: [
            {
              name: "minio",
              image: MINIO_IMAGE,
              args: ["server", "/data", "--address", `:${MINIO_PORT}`, "--certs-dir", "/tmp/certs"],
              envFrom: [{ secretRef: { name: secret.metadata.name } }],
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
        },
      }),
    },
    { parent, protect: r.protect },
  );
  const networkPolicy = new k8s.networking.v1.NetworkPolicy(`${name}-netpol`, { metadata: metadata("minio"), spec: sameNamespaceIngress(selector, MINIO_PORT) }, { parent });

  const endpoint = pulumi.interpolate`http://${service.metadata.name}.${namespace}.svc.cluster.local:${MINIO_PORT}`;
  const script = [
    "set -eu",
    `mc alias set store "$ENDPOINT" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD"`,
    `mc mb --ignore-existing "store/${bucketName}"`,
    `mc version ${r.versioning ? "enable" : "suspend"} "store/${bucketName}"`,
  ].join("\n");
  const bucketJob = new k8s.batch.v1.Job(
    `${name}-create-bucket`,
    {
      metadata: metadata("create-bucket"),
      spec: {
        backoffLimit: 10,
        template: {
          // Not the server's selector labels: the Service and the NetworkPolicy must not pick this pod.
          metadata: { labels: { ...labels, "app.kubernetes.io/name": "minio-mc", "app.kubernetes.io/component": "object-store-setup" } },
          spec: {
            restartPolicy: "OnFailure",
            automountServiceAccountToken: false,
            securityContext: podSecurity,
            containers: [
              {
                name: "mc",
                image: MC_IMAGE,
                command: ["/bin/sh", "-c", script],
                envFrom: [{ secretRef: { name: secret.metadata.name } }],
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
    { parent, dependsOn: [statefulSet] },
  );

  return {
    outputs: { bucketName: pulumi.output(bucketName), url: pulumi.output(`s3://${bucketName}`), endpoint, kmsKeyId: pulumi.output("") },
    native: { rootUser, rootPassword, secret, service, statefulSet, networkPolicy, bucketJob },
  };
}
