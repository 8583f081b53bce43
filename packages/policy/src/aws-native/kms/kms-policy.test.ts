import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const key = (keyPolicy: unknown) => res("aws-native:kms:Key", "key", { enableKeyRotation: true, keyPolicy });

describe("aws-native-kms-key-policy-not-public", () => {
  const policy = "aws-native-kms-key-policy-not-public";

  it("passes a policy for the account root, and a key without a policy", async () => {
    expect(await violations(policy, [key({ Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" }] }), key(undefined)])).toEqual([]);
  });

  it("flags kms:Decrypt for everyone", async () => {
    const found = await violations(policy, [key({ Statement: [{ Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" }] })]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^keyPolicy allows Principal "\*"/);
  });
});
