import { describe, expect, it } from "@jest/globals";
import { res, runPolicy, unknown, violations } from "../../testing";

const FLOW = "aws:appflow/flow:Flow";
const PROFILE = "aws:appflow/connectorProfile:ConnectorProfile";
const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd";

describe("aws-appflow-encrypted-with-kms", () => {
  const policy = "aws-appflow-encrypted-with-kms";

  it("counts a key ARN unknown during preview (a key created in the same update) as set", async () => {
    const result = await runPolicy(policy, [res(FLOW, "sync", { kmsArn: unknown })]);
    expect({ violations: result.violations, indeterminate: result.indeterminate }).toEqual({ violations: [], indeterminate: [] });
  });


  it("passes a flow and a connector profile with a customer KMS key", async () => {
    expect(await violations(policy, [res(FLOW, "sync", { kmsArn: KEY }), res(PROFILE, "salesforce", { kmsArn: KEY, connectorType: "Salesforce" })])).toEqual([]);
  });

  it("flags a flow and a connector profile on the AWS-managed key", async () => {
    expect(await violations(policy, [res(FLOW, "sync", {}), res(PROFILE, "salesforce", { connectorType: "Salesforce" })])).toEqual([
      "kmsArn is not set: AppFlow encrypts the flow's data with the AWS-managed aws/appflow key. Set kmsArn to a customer-managed KMS key.",
      "kmsArn is not set: AppFlow encrypts the connector profile's credentials with the AWS-managed aws/appflow key. Set kmsArn to a customer-managed KMS key.",
    ]);
  });
});
