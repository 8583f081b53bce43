import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { GKE_CLUSTER_TYPES, type NativeGkeCluster } from "./cluster";

/** google-native GKE clusters encrypt Secrets in etcd with a Cloud KMS key. */
export const googleNativeContainerClusterSecretsEncrypted = definePolicy<ResourceValidationPolicy>(
  {
    name: "google-native-container-cluster-secrets-encrypted",
    description:
      'google-native GKE clusters must encrypt Kubernetes Secrets at the application layer: databaseEncryption state ' +
      '"ENCRYPTED" with a Cloud KMS keyName; otherwise Secrets in etcd have only Google\'s default storage encryption.',
    validateResource: GKE_CLUSTER_TYPES.map((token) =>
      validateTypeToken<NativeGkeCluster>(token, (cluster, _args, report) => {
        const encryption = cluster.databaseEncryption;
        if (encryption?.state !== "ENCRYPTED" || !encryption.keyName) {
          report('databaseEncryption is not state "ENCRYPTED" with a keyName: Secrets are not encrypted with a Cloud KMS key. Set both.');
        }
      }),
    ),
  },
  { vendor: "google-native", services: ["container"], topics: ["encryption", "secrets"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "high" },
);
