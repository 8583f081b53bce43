import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
const CLUSTER = "aws:elasticache/cluster:Cluster";

describe("aws-elasticache-replication-group-encrypted", () => {
  const policy = "aws-elasticache-replication-group-encrypted";

  it("passes a replication group encrypted at rest and in transit", async () => {
    const group = res(GROUP, "cache", { description: "cache", atRestEncryptionEnabled: true, transitEncryptionEnabled: true });
    expect(await violations(policy, [group])).toEqual([]);
  });

  it("flags a replication group without in-transit encryption", async () => {
    const group = res(GROUP, "cache", { description: "cache", atRestEncryptionEnabled: true });
    expect(await violations(policy, [group])).toEqual(["transitEncryptionEnabled is not true."]);
  });

  it("flags a replication group without any encryption", async () => {
    expect(await violations(policy, [res(GROUP, "cache", { description: "cache" })])).toEqual([
      "atRestEncryptionEnabled is not true.",
      "transitEncryptionEnabled is not true.",
    ]);
  });
});

describe("aws-elasticache-no-unencrypted-redis-cluster", () => {
  const policy = "aws-elasticache-no-unencrypted-redis-cluster";

  it("passes a memcached cluster and a cluster that joins a replication group", async () => {
    const resources = [res(CLUSTER, "memcached", { engine: "memcached" }), res(CLUSTER, "member", { replicationGroupId: "cache" })];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("flags a standalone redis cluster, which cannot encrypt at rest", async () => {
    expect(await violations(policy, [res(CLUSTER, "redis", { engine: "redis", nodeType: "cache.t3.small" })])).toEqual([
      "A standalone redis cluster cannot encrypt at rest; use aws.elasticache.ReplicationGroup with encryption on.",
    ]);
  });
});
