import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { isSetOrPending } from "../../lib/values";

/** aws-native Redshift clusters encrypt with a customer KMS key. */
export const awsNativeRedshiftClusterEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-redshift-cluster-encrypted-with-kms",
    description:
      "aws-native Redshift clusters must set encrypted true with a customer-managed kmsKeyId: the warehouse, its backups " +
      "and snapshots are otherwise unencrypted or under the AWS-managed key.",
    validateResource: validateTypeToken<{ encrypted?: boolean; kmsKeyId?: string }>("aws-native:redshift:Cluster", (cluster, _args, report) => {
      if (cluster.encrypted !== true) report("encrypted is not true: the cluster and its snapshots are unencrypted. Set it with a kmsKeyId.");
      else if (!isSetOrPending(() => cluster.kmsKeyId)) report("kmsKeyId is not set: the cluster uses the AWS-managed key; name a customer-managed key.");
    }),
  },
  { vendor: "aws-native", services: ["redshift"], topics: ["encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
