import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** Engines whose data a replication group can encrypt; a single-node CacheCluster cannot. */
const REDIS_ENGINES = new Set(["redis", "valkey"]);

/** No Redis/Valkey data lives in an aws-native CacheCluster, which cannot encrypt at rest. */
export const awsNativeElasticacheNoUnencryptedRedisCluster = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-elasticache-no-unencrypted-redis-cluster",
    description:
      "aws-native ElastiCache CacheCluster resources must not run Redis or Valkey: a standalone cache cluster has no " +
      "encryption at rest; use a ReplicationGroup with atRestEncryptionEnabled and transitEncryptionEnabled.",
    validateResource: validateTypeToken<{ engine?: string }>("aws-native:elasticache:CacheCluster", (cluster, _args, report) => {
      const engine = (cluster.engine ?? "").toLowerCase();
      if (REDIS_ENGINES.has(engine)) report(`engine is ${cluster.engine}: a CacheCluster cannot encrypt data at rest. Use an encrypted ReplicationGroup instead.`);
    }),
  },
  { vendor: "aws-native", services: ["elasticache"], topics: ["encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
