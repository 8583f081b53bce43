import { describe, expect, it } from "@jest/globals";
import { res, runPolicy, unknown, violations } from "../../testing";

const SECRET = "aws:secretsmanager/secret:Secret";
const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd";

describe("aws-secretsmanager-secret-encrypted-with-kms", () => {
  const policy = "aws-secretsmanager-secret-encrypted-with-kms";

  it("counts a key ARN unknown during preview (a key created in the same update) as set", async () => {
    const result = await runPolicy(policy, [res(SECRET, "db", { kmsKeyId: unknown })]);
    expect({ violations: result.violations, indeterminate: result.indeterminate }).toEqual({ violations: [], indeterminate: [] });
  });


  it("passes a secret encrypted with a customer KMS key", async () => {
    expect(await violations(policy, [res(SECRET, "db", { kmsKeyId: KEY })])).toEqual([]);
  });

  it("flags a secret on the AWS-managed key", async () => {
    expect(await violations(policy, [res(SECRET, "db", { description: "database" })])).toEqual([
      "kmsKeyId is not set: the secret is encrypted with the AWS-managed aws/secretsmanager key. Set kmsKeyId to a customer-managed key.",
    ]);
  });
});
