import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { isSetOrPending } from "../../lib/values";

interface NativeReplicationGroup {
  atRestEncryptionEnabled?: boolean;
  transitEncryptionEnabled?: boolean;
  transitEncryptionMode?: string;
  kmsKeyId?: string;
}

/** aws-native ElastiCache replication groups encrypt at rest (customer key) and in transit (TLS required). */
export const awsNativeElasticacheReplicationGroupEncrypted = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-elasticache-replication-group-encrypted",
    description:
      "aws-native ElastiCache replication groups must set atRestEncryptionEnabled with a customer-managed kmsKeyId and " +
      'transitEncryptionEnabled true (not transitEncryptionMode "preferred", which still accepts plaintext clients).',
    validateResource: validateTypeToken<NativeReplicationGroup>("aws-native:elasticache:ReplicationGroup", (group, _args, report) => {
      if (group.atRestEncryptionEnabled !== true) report("atRestEncryptionEnabled is not true: snapshots and swap are unencrypted. Set it with a kmsKeyId.");
      else if (!isSetOrPending(() => group.kmsKeyId)) report("kmsKeyId is not set: data at rest uses the AWS-managed key; name a customer-managed key.");
      if (group.transitEncryptionEnabled !== true) report("transitEncryptionEnabled is not true: clients and the auth token cross the network in clear. Set it.");
      else if (group.transitEncryptionMode === "preferred") report('transitEncryptionMode is "preferred": plaintext connections are still accepted; set it to "required".');
    }),
  },
  { vendor: "aws-native", services: ["elasticache"], topics: ["encryption", "network"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
