import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** Engines that should run as an encrypted replication group rather than a standalone cluster. */
const REDIS_ENGINES = new Set(["redis", "valkey"]);

/** No standalone Redis/Valkey `aws.elasticache.Cluster`: it cannot encrypt at rest. */
export const awsElasticacheNoUnencryptedRedisCluster = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-elasticache-no-unencrypted-redis-cluster",
    description:
      "Redis and Valkey caches must be ElastiCache replication groups, not standalone aws.elasticache.Cluster resources: a " +
      "standalone cluster cannot encrypt data at rest. A cluster that joins a replication group (replicationGroupId) passes.",
    validateResource: validateTypeToken<aws.elasticache.ClusterArgs>("aws:elasticache/cluster:Cluster", (cluster, args, report) => {
      if (cluster.replicationGroupId) args.notApplicable("the cluster is a member of a replication group");
      const engine = cluster.engine ?? "";
      if (REDIS_ENGINES.has(engine)) {
        report(`A standalone ${engine} cluster cannot encrypt at rest; use aws.elasticache.ReplicationGroup with encryption on.`);
      }
    }),
  },
  { vendor: "aws", services: ["elasticache"], topics: ["encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
