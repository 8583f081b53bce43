import type * as pulumi from "@pulumi/pulumi";
import { PlatformComponent, objectStoreSettings, type ComponentDefinition } from "@mlops/core";
import { resolveObjectStore, type ResolvedObjectStoreArgs } from "./defaults";
import type { ObjectStoreArgs, ObjectStoreOutputs, ObjectStoreWiring } from "./types";
import type { AwsObjectStoreNative } from "./backends/aws";
import type { GcpObjectStoreNative } from "./backends/gcp";
import type { KubernetesObjectStoreNative } from "./backends/kubernetes";

/** The native resources of the active backend; only that backend's entry is set. */
export type ObjectStoreNative = { aws?: AwsObjectStoreNative; gcp?: GcpObjectStoreNative; kubernetes?: KubernetesObjectStoreNative };

/** The ObjectStore, declared once: settings, wiring checks, resolution and the implementation table. */
export const OBJECT_STORE: ComponentDefinition<typeof objectStoreSettings.schema, ReturnType<typeof objectStoreSettings.complete>, ObjectStoreWiring, ResolvedObjectStoreArgs, ObjectStoreOutputs, ObjectStoreNative> = {
  type: "mlops:storage:ObjectStore",
  settings: objectStoreSettings,
  validateWiring(args, fail) {
    if (!args.placement[args.backend]) fail(`placement.${args.backend}`, undefined, `is required when backend is "${args.backend}"`);
    if (args.region !== undefined && args.backend !== "aws") fail("region", args.region, `only the aws endpoint names a region; leave it unset on ${args.backend}`);
  },
  resolve: resolveObjectStore,
  // The engine is the backend's object store: S3, GCS, or MinIO in the cluster.
  engine: (r) => ({ aws: "s3", gcp: "gcs", kubernetes: "minio" })[r.backend],
  implementations: {
    aws: { s3: () => require("./backends/aws") as typeof import("./backends/aws") },
    gcp: { gcs: () => require("./backends/gcp") as typeof import("./backends/gcp") },
    kubernetes: { minio: () => require("./backends/kubernetes") as typeof import("./backends/kubernetes") },
  },
};

/**
 * A private, versioned, encrypted bucket with lifecycle rules: S3 on `aws`, GCS on `gcp`, MinIO
 * on `kubernetes`. One args shape and one output shape for the three; the backend's SDK is
 * loaded only when that backend is chosen.
 */
export class ObjectStore extends PlatformComponent<ObjectStoreOutputs, ObjectStoreNative> implements ObjectStoreOutputs {
  declare public readonly bucketName: pulumi.Output<string>;
  declare public readonly url: pulumi.Output<string>;
  declare public readonly endpoint: pulumi.Output<string>;
  declare public readonly kmsKeyId: pulumi.Output<string>;

  constructor(name: string, args: ObjectStoreArgs, opts?: pulumi.ComponentResourceOptions) {
    super(OBJECT_STORE, name, args, opts);
  }
}
