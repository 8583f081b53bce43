import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const key = (inputs: Record<string, unknown>) => res("aws-native:kms:Key", "key", inputs);

describe("aws-native-kms-key-rotation-enabled", () => {
  const policy = "aws-native-kms-key-rotation-enabled";

  it("passes rotating symmetric keys and skips keys that cannot rotate", async () => {
    expect(await violations(policy, [key({ enableKeyRotation: true })])).toEqual([]);
    expect(await violations(policy, [key({ keySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" })])).toEqual([]);
    expect(await violations(policy, [key({ origin: "EXTERNAL" })])).toEqual([]);
  });

  it("flags a symmetric key without rotation", async () => {
    expect(await violations(policy, [key({})])).toEqual(["enableKeyRotation is not true: the key material never changes. Set it (yearly rotation, or rotationPeriodInDays)."]);
  });
});

describe("aws-native-kms-key-no-policy-lockout-bypass", () => {
  const policy = "aws-native-kms-key-no-policy-lockout-bypass";

  it("passes keys that keep the safety check", async () => {
    expect(await violations(policy, [key({}), key({ bypassPolicyLockoutSafetyCheck: false })])).toEqual([]);
  });

  it("flags the bypass", async () => {
    expect(await violations(policy, [key({ bypassPolicyLockoutSafetyCheck: true })])).toEqual([
      "bypassPolicyLockoutSafetyCheck is true: remove it so KMS refuses a key policy that would lock everyone out.",
    ]);
  });
});

const keyWithPolicy = (keyPolicy: unknown) => res("aws-native:kms:Key", "key", { enableKeyRotation: true, keyPolicy });

describe("aws-native-kms-key-policy-not-public", () => {
  const policy = "aws-native-kms-key-policy-not-public";

  it("passes a policy for the account root, and a key without a policy", async () => {
    expect(await violations(policy, [keyWithPolicy({ Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" }] }), keyWithPolicy(undefined)])).toEqual([]);
  });

  it("flags kms:Decrypt for everyone", async () => {
    const found = await violations(policy, [keyWithPolicy({ Statement: [{ Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" }] })]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^keyPolicy allows Principal "\*"/);
  });
});
