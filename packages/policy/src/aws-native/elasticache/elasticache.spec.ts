import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const group = (inputs: Record<string, unknown>) => res("aws-native:elasticache:ReplicationGroup", "redis", { replicationGroupDescription: "x", ...inputs });

describe("aws-native-elasticache-replication-group-encrypted", () => {
  const policy = "aws-native-elasticache-replication-group-encrypted";

  it("passes encryption at rest with a key and required TLS", async () => {
    expect(await violations(policy, [group({ atRestEncryptionEnabled: true, kmsKeyId: "key", transitEncryptionEnabled: true, transitEncryptionMode: "required" })])).toEqual([]);
  });

  it("flags no encryption, a missing key and preferred TLS", async () => {
    expect(await violations(policy, [group({})])).toEqual([
      "atRestEncryptionEnabled is not true: snapshots and swap are unencrypted. Set it with a kmsKeyId.",
      "transitEncryptionEnabled is not true: clients and the auth token cross the network in clear. Set it.",
    ]);
    expect(await violations(policy, [group({ atRestEncryptionEnabled: true, transitEncryptionEnabled: true, transitEncryptionMode: "preferred" })])).toEqual([
      "kmsKeyId is not set: data at rest uses the AWS-managed key; name a customer-managed key.",
      'transitEncryptionMode is "preferred": plaintext connections are still accepted; set it to "required".',
    ]);
  });
});

describe("aws-native-elasticache-no-unencrypted-redis-cluster", () => {
  const policy = "aws-native-elasticache-no-unencrypted-redis-cluster";
  const cluster = (engine: string) => res("aws-native:elasticache:CacheCluster", engine, { engine, cacheNodeType: "cache.t3.micro", numCacheNodes: 1 });

  it("passes memcached", async () => {
    expect(await violations(policy, [cluster("memcached")])).toEqual([]);
  });

  it("flags Redis and Valkey cache clusters", async () => {
    expect(await violations(policy, [cluster("redis"), cluster("valkey")])).toEqual([
      "engine is redis: a CacheCluster cannot encrypt data at rest. Use an encrypted ReplicationGroup instead.",
      "engine is valkey: a CacheCluster cannot encrypt data at rest. Use an encrypted ReplicationGroup instead.",
    ]);
  });
});
