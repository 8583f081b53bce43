import { describe, expect, it } from "@jest/globals";
import { res, runPolicy, unknown, violations } from "../../testing";

const CLUSTER = "aws:msk/cluster:Cluster";
const base = { clusterName: "events", kafkaVersion: "3.6.0", numberOfBrokerNodes: 3 };
const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd";

describe("aws-msk-cluster-encrypted", () => {
  const policy = "aws-msk-cluster-encrypted";

  it("counts a key ARN unknown during preview (a key created in the same update) as set", async () => {
    const result = await runPolicy(policy, [res(CLUSTER, "events", { ...base, encryptionInfo: { encryptionAtRestKmsKeyArn: unknown } })]);
    expect({ violations: result.violations, indeterminate: result.indeterminate }).toEqual({ violations: [], indeterminate: [] });
  });


  it("passes a cluster with a customer KMS key and TLS (clientBroker defaults to TLS)", async () => {
    const cluster = res(CLUSTER, "events", { ...base, encryptionInfo: { encryptionAtRestKmsKeyArn: KEY } });
    expect(await violations(policy, [cluster])).toEqual([]);
  });

  it("flags a cluster that accepts plaintext clients and has no customer key", async () => {
    const cluster = res(CLUSTER, "events", { ...base, encryptionInfo: { encryptionInTransit: { clientBroker: "TLS_PLAINTEXT" } } });
    expect(await violations(policy, [cluster])).toEqual([
      "encryptionInfo.encryptionAtRestKmsKeyArn is not set: data at rest uses the AWS-managed key.",
      'encryptionInfo.encryptionInTransit.clientBroker is "TLS_PLAINTEXT": clients may connect in plaintext.',
    ]);
  });

  it("flags plaintext traffic between brokers", async () => {
    const cluster = res(CLUSTER, "events", { ...base, encryptionInfo: { encryptionAtRestKmsKeyArn: KEY, encryptionInTransit: { inCluster: false } } });
    expect(await violations(policy, [cluster])).toEqual(["encryptionInfo.encryptionInTransit.inCluster is false: brokers talk to each other in plaintext."]);
  });
});
