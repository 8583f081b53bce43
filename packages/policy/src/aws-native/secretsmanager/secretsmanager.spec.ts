import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const secret = (kmsKeyId?: string) => res("aws-native:secretsmanager:Secret", "s", { name: "db", kmsKeyId });

describe("aws-native-secretsmanager-secret-encrypted-with-kms", () => {
  const policy = "aws-native-secretsmanager-secret-encrypted-with-kms";

  it("passes a customer key", async () => {
    expect(await violations(policy, [secret("arn:aws:kms:eu-west-1:1:key/x")])).toEqual([]);
  });

  it("flags the default and the AWS-managed alias", async () => {
    expect(await violations(policy, [secret(), secret("alias/aws/secretsmanager")])).toEqual([
      "kmsKeyId is unset: the secret uses the AWS-managed aws/secretsmanager key; name a customer-managed key.",
      "kmsKeyId is alias/aws/secretsmanager: the secret uses the AWS-managed aws/secretsmanager key; name a customer-managed key.",
    ]);
  });
});
