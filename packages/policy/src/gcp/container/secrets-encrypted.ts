import type * as gcp from "@pulumi/gcp";
import { validateTypeToken } from "../../lib/type-token";
import { type ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { isSetOrPending } from "../../lib/values";

/** GKE envelope-encrypts Kubernetes Secrets in etcd with a Cloud KMS key (application-layer secrets encryption). */
export const gcpContainerSecretsEncrypted = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-container-secrets-encrypted",
    description:
      'GKE clusters must encrypt Kubernetes Secrets at the application layer with a Cloud KMS key (databaseEncryption state ' +
      '"ENCRYPTED" with a keyName): otherwise Secrets in etcd are protected only by Google\'s default storage encryption.',
    validateResource: validateTypeToken<gcp.container.ClusterArgs>("gcp:container/cluster:Cluster", (cluster, _args, report) => {
      const encryption = cluster.databaseEncryption;
      // A key created in the same update is unknown in preview, and still set.
      if (encryption?.state !== "ENCRYPTED" || !isSetOrPending(() => encryption.keyName)) {
        report('databaseEncryption is not state "ENCRYPTED" with a keyName: Secrets are not encrypted with a Cloud KMS key.');
      }
    }),
  },
  { vendor: "gcp", services: ["container"], topics: ["encryption", "secrets"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "high" },
);
