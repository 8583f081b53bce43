import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";

/** ElastiCache replication groups encrypt at rest and in transit. */
export const awsElasticacheReplicationGroupEncrypted: ResourceValidationPolicy = {
  name: "aws-elasticache-replication-group-encrypted",
  description:
    "ElastiCache replication groups must set atRestEncryptionEnabled and transitEncryptionEnabled: cached data often holds " +
    "features and tokens, and without TLS the auth token crosses the network in clear.",
  validateResource: validateResourceOfType(aws.elasticache.ReplicationGroup, (group, _args, report) => {
    if (group.atRestEncryptionEnabled !== true) report("atRestEncryptionEnabled is not true.");
    if (group.transitEncryptionEnabled !== true) report("transitEncryptionEnabled is not true.");
  }),
};
