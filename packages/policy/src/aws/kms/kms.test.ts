import { describe, expect, it } from "@jest/globals";
import { res, runPolicy, violations } from "../../testing";

const KEY = "aws:kms/key:Key";

describe("aws-kms-key-rotation-enabled", () => {
  const policy = "aws-kms-key-rotation-enabled";

  it("passes a symmetric key with rotation on", async () => {
    expect(await violations(policy, [res(KEY, "data", { enableKeyRotation: true })])).toEqual([]);
  });

  it("flags a symmetric key without rotation", async () => {
    expect(await violations(policy, [res(KEY, "data", { description: "no rotation" })])).toEqual(["enableKeyRotation is not true."]);
  });

  it("does not apply to an asymmetric signing key, which cannot rotate", async () => {
    const result = await runPolicy(policy, [res(KEY, "signing", { customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" })]);
    expect(result.violations).toEqual([]);
  });
});
