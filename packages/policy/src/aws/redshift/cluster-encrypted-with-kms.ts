import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { isSetOrPending } from "../../lib/values";
import { validateTypeToken } from "../../lib/type-token";

/**
 * Redshift clusters are encrypted with a customer-managed KMS key: `encrypted` not "false"
 * (a string in the SDK; the provider's default is true) and `kmsKeyId` set.
 */
export const awsRedshiftClusterEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-redshift-cluster-encrypted-with-kms",
    description:
      "Redshift clusters must be encrypted (encrypted not false) with a customer-managed kmsKeyId: the warehouse, its backups " +
      "and snapshots are then encrypted under a key whose policy we control.",
    validateResource: validateTypeToken<aws.redshift.ClusterArgs>("aws:redshift/cluster:Cluster", (cluster, _args, report) => {
      const encrypted: unknown = cluster.encrypted;
      if (encrypted === false || encrypted === "false") report("encrypted is false: the cluster's data, backups and snapshots are unencrypted. Remove it and set kmsKeyId.");
      else if (!isSetOrPending(() => cluster.kmsKeyId)) report("kmsKeyId is not set: the cluster is encrypted with the AWS-managed aws/redshift key. Set kmsKeyId to a customer-managed key.");
    }),
  },
  { vendor: "aws", services: ["redshift"], topics: ["encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
