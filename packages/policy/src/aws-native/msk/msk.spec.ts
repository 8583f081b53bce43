import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const cluster = (encryptionInfo?: Record<string, unknown>) => res("aws-native:msk:Cluster", "kafka", { clusterName: "k", kafkaVersion: "3.6.0", numberOfBrokerNodes: 3, encryptionInfo });

describe("aws-native-msk-cluster-encrypted", () => {
  const policy = "aws-native-msk-cluster-encrypted";

  it("passes a customer key with TLS (unset clientBroker means TLS)", async () => {
    expect(await violations(policy, [cluster({ encryptionAtRest: { dataVolumeKmsKeyId: "key" } })])).toEqual([]);
  });

  it("flags the AWS-managed key and plaintext transit", async () => {
    expect(await violations(policy, [cluster({ encryptionInTransit: { clientBroker: "TLS_PLAINTEXT", inCluster: false } })])).toEqual([
      "encryptionInfo.encryptionAtRest.dataVolumeKmsKeyId is not set: data at rest uses the AWS-managed key; name a customer-managed key.",
      'encryptionInfo.encryptionInTransit.clientBroker is "TLS_PLAINTEXT": clients may connect in plaintext; set it to "TLS".',
      "encryptionInfo.encryptionInTransit.inCluster is false: brokers replicate in plaintext; remove it (the default is true).",
    ]);
  });
});
