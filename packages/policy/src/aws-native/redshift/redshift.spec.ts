import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const cluster = (inputs: Record<string, unknown>) => res("aws-native:redshift:Cluster", "dw", { clusterType: "single-node", nodeType: "ra3.xlplus", dbName: "dw", masterUsername: "admin", ...inputs });

describe("aws-native-redshift-cluster-encrypted-with-kms", () => {
  const policy = "aws-native-redshift-cluster-encrypted-with-kms";

  it("passes encryption with a customer key", async () => {
    expect(await violations(policy, [cluster({ encrypted: true, kmsKeyId: "key" })])).toEqual([]);
  });

  it("flags no encryption and the AWS-managed key", async () => {
    expect(await violations(policy, [cluster({}), cluster({ encrypted: true })])).toEqual([
      "encrypted is not true: the cluster and its snapshots are unencrypted. Set it with a kmsKeyId.",
      "kmsKeyId is not set: the cluster uses the AWS-managed key; name a customer-managed key.",
    ]);
  });
});

describe("aws-native-redshift-cluster-not-publicly-accessible", () => {
  const policy = "aws-native-redshift-cluster-not-publicly-accessible";

  it("passes private clusters", async () => {
    expect(await violations(policy, [cluster({}), cluster({ publiclyAccessible: false })])).toEqual([]);
  });

  it("flags a public cluster", async () => {
    expect(await violations(policy, [cluster({ publiclyAccessible: true })])).toEqual([
      "publiclyAccessible is true: the cluster gets a public address. Remove it and reach the cluster from the VPC.",
    ]);
  });
});
