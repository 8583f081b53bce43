import type * as pulumi from "@pulumi/pulumi";
import type { ComponentArgs, objectStoreSettingsSchema } from "@mlops/core";

/** What the ObjectStore takes besides its settings: the stack's wiring. */
export interface ObjectStoreWiring {
  /**
   * Customer-managed key: an AWS KMS key ARN, or a Cloud KMS crypto key id (the Cloud Storage
   * service agent must already hold encrypter/decrypter on it). Default: the component creates a
   * key with rotation (on gcp also the service agent's grant). kubernetes: no effect (MinIO's own
   * encryption needs a KMS the cluster does not have; the volume's StorageClass decides).
   */
  kmsKeyId?: pulumi.Input<string>;
  /**
   * aws: the region in the `endpoint` output. It does not move the bucket: the bucket (and its
   * key) live in the provider's region. Default: the bucket's own region, as S3 reports it.
   * Rejected on gcp and kubernetes, where the endpoint has no region.
   */
  region?: string;
  /** kubernetes: namespaces whose pods may reach MinIO, besides its own. Default: none. aws/gcp: no effect (IAM decides). */
  clientNamespaces?: pulumi.Input<string>[];
}

/**
 * Inputs of the `ObjectStore` component: the shared args, the settings of the stack config's
 * `objectStore` section (see `objectStoreSettingsSchema` in @mlops/core for every limit and
 * default), and the wiring. One shape for every backend.
 */
export type ObjectStoreArgs = ComponentArgs<typeof objectStoreSettingsSchema, ObjectStoreWiring>;

/** The same shape whatever the backend. */
export interface ObjectStoreOutputs {
  /** Bucket name (S3, GCS or MinIO bucket). */
  bucketName: pulumi.Output<string>;
  /** `s3://…`, `gs://…` or `s3://…` on MinIO. */
  url: pulumi.Output<string>;
  /** API endpoint clients talk to. */
  endpoint: pulumi.Output<string>;
  /** Key that encrypts the objects; empty on kubernetes. */
  kmsKeyId: pulumi.Output<string>;
}
