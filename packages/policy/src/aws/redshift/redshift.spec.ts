import { describe, expect, it } from "@jest/globals";
import { res, runPolicy, unknown, violations } from "../../testing";

const CLUSTER = "aws:redshift/cluster:Cluster";
const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd";
const cluster = (extra: Record<string, unknown>) => ({ clusterIdentifier: "dw", nodeType: "ra3.xlplus", ...extra });

describe("aws-redshift-cluster-encrypted-with-kms", () => {
  const policy = "aws-redshift-cluster-encrypted-with-kms";

  it("counts a key ARN unknown during preview (a key created in the same update) as set", async () => {
    const result = await runPolicy(policy, [res(CLUSTER, "dw", cluster({ kmsKeyId: unknown }))]);
    expect({ violations: result.violations, indeterminate: result.indeterminate }).toEqual({ violations: [], indeterminate: [] });
  });


  it("passes a cluster encrypted with a customer KMS key (encrypted unset means true)", async () => {
    expect(await violations(policy, [res(CLUSTER, "dw", cluster({ encrypted: "true", kmsKeyId: KEY })), res(CLUSTER, "default", cluster({ kmsKeyId: KEY }))])).toEqual([]);
  });

  it('flags encrypted "false" and a cluster on the AWS-managed key', async () => {
    expect(await violations(policy, [res(CLUSTER, "plain", cluster({ encrypted: "false" })), res(CLUSTER, "managed", cluster({}))])).toEqual([
      "encrypted is false: the cluster's data, backups and snapshots are unencrypted. Remove it and set kmsKeyId.",
      "kmsKeyId is not set: the cluster is encrypted with the AWS-managed aws/redshift key. Set kmsKeyId to a customer-managed key.",
    ]);
  });
});

describe("aws-redshift-cluster-not-publicly-accessible", () => {
  const policy = "aws-redshift-cluster-not-publicly-accessible";

  it("passes a private cluster, explicitly or by default", async () => {
    expect(await violations(policy, [res(CLUSTER, "dw", cluster({ publiclyAccessible: false })), res(CLUSTER, "default", cluster({}))])).toEqual([]);
  });

  it("flags a publicly accessible cluster", async () => {
    expect(await violations(policy, [res(CLUSTER, "dw", cluster({ publiclyAccessible: true }))])).toEqual([
      "publiclyAccessible is true: the cluster gets a public address. Set it to false and reach it through the VPC.",
    ]);
  });
});
