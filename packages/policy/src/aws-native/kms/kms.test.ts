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
