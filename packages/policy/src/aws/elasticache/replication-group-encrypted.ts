import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** ElastiCache replication groups encrypt at rest and in transit. */
export const awsElasticacheReplicationGroupEncrypted = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-elasticache-replication-group-encrypted",
    description:
      "ElastiCache replication groups must set atRestEncryptionEnabled and transitEncryptionEnabled: cached data often holds " +
      "features and tokens, and without TLS the auth token crosses the network in clear.",
    validateResource: validateTypeToken<aws.elasticache.ReplicationGroupArgs>("aws:elasticache/replicationGroup:ReplicationGroup", (group, _args, report) => {
      if (group.atRestEncryptionEnabled !== true) report("atRestEncryptionEnabled is not true.");
      if (group.transitEncryptionEnabled !== true) report("transitEncryptionEnabled is not true.");
    }),
  },
  { vendor: "aws", services: ["elasticache"], topics: ["encryption", "network"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
