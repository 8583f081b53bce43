import * as pulumi from "@pulumi/pulumi";
import { withDefaults, type ResolvedObjectStoreArgs } from "./defaults";
import { validateArgs } from "./validate";
import type { ObjectStoreArgs, ObjectStoreOutputs } from "./types";
import type { AwsObjectStoreNative } from "./backends/aws";
import type { GcpObjectStoreNative } from "./backends/gcp";
import type { KubernetesObjectStoreNative } from "./backends/kubernetes";

/** The native resources of the active backend; only that backend's entry is set. */
export type ObjectStoreNative = Readonly<{ aws?: AwsObjectStoreNative; gcp?: GcpObjectStoreNative; kubernetes?: KubernetesObjectStoreNative }>;

/**
 * A private, versioned, encrypted bucket with lifecycle rules: S3 on `aws`, GCS on `gcp`, MinIO
 * on `kubernetes`. One args shape and one output shape for the three; the backend's SDK is
 * loaded only when that backend is chosen.
 */
export class ObjectStore extends pulumi.ComponentResource implements ObjectStoreOutputs {
  public readonly bucketName: pulumi.Output<string>;
  public readonly url: pulumi.Output<string>;
  public readonly endpoint: pulumi.Output<string>;
  public readonly kmsKeyId: pulumi.Output<string>;
  /** Escape hatch to the native resources, read-only. */
  public readonly native: ObjectStoreNative;

  constructor(name: string, args: ObjectStoreArgs, opts?: pulumi.ComponentResourceOptions) {
    super("mlops:storage:ObjectStore", name, {}, opts);
    validateArgs(this, args);
    const { outputs, native } = this.build(name, withDefaults(args));
    this.bucketName = outputs.bucketName;
    this.url = outputs.url;
    this.endpoint = outputs.endpoint;
    this.kmsKeyId = outputs.kmsKeyId;
    this.native = Object.freeze(native);
    this.registerOutputs({ ...outputs });
  }

  private build(name: string, r: ResolvedObjectStoreArgs): { outputs: ObjectStoreOutputs; native: ObjectStoreNative } {
    switch (r.backend) {
      case "aws": {
        const { outputs, native } = (require("./backends/aws") as typeof import("./backends/aws")).build(this, name, r);
        return { outputs, native: { aws: native } };
      }
      case "gcp": {
        const { outputs, native } = (require("./backends/gcp") as typeof import("./backends/gcp")).build(this, name, r);
        return { outputs, native: { gcp: native } };
      }
      case "kubernetes": {
        const { outputs, native } = (require("./backends/kubernetes") as typeof import("./backends/kubernetes")).build(this, name, r);
        return { outputs, native: { kubernetes: native } };
      }
    }
  }
}
