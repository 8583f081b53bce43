import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

describe("aws-native-appflow-encrypted-with-kms", () => {
  const policy = "aws-native-appflow-encrypted-with-kms";

  it("passes a flow and a profile with customer keys", async () => {
    expect(
      await violations(policy, [
        res("aws-native:appflow:Flow", "sync", { flowName: "sync", kmsArn: "arn:aws:kms:eu-west-1:1:key/x" }),
        res("aws-native:appflow:ConnectorProfile", "sf", { connectorType: "Salesforce", connectionMode: "Public", kmsArn: "arn:aws:kms:eu-west-1:1:key/x" }),
      ]),
    ).toEqual([]);
  });

  it("flags the AWS-managed key on both", async () => {
    expect(
      await violations(policy, [res("aws-native:appflow:Flow", "sync", { flowName: "sync" }), res("aws-native:appflow:ConnectorProfile", "sf", { connectorType: "Salesforce", connectionMode: "Public" })]),
    ).toEqual([
      "kmsArn is not set: the flow's staged data use the AWS-managed aws/appflow key; name a customer-managed key.",
      "kmsArn is not set: the connector credentials use the AWS-managed aws/appflow key; name a customer-managed key.",
    ]);
  });
});
