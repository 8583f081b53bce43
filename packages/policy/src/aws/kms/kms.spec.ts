import { describe, expect, it } from "@jest/globals";
import { flagged, res, runPolicy, violations } from "../../testing";

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

const KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";
const keyPolicy = (statement: Record<string, unknown>) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:*", Resource: "*", ...statement }] });

describe("aws-kms-key-no-policy-lockout-bypass", () => {
  const policy = "aws-kms-key-no-policy-lockout-bypass";

  it("passes keys and key policies that keep the safety check", async () => {
    expect(await violations(policy, [res(KEY, "data", { enableKeyRotation: true }), res(KEY_POLICY, "data", { keyId: "k", policy: "{}", bypassPolicyLockoutSafetyCheck: false })])).toEqual([]);
  });

  it("flags a key and a key policy that bypass it, saying how to fix it", async () => {
    const resources = [res(KEY, "data", { bypassPolicyLockoutSafetyCheck: true }), res(KEY_POLICY, "policy", { keyId: "k", policy: "{}", bypassPolicyLockoutSafetyCheck: true })];
    const found = await violations(policy, resources);
    expect(found.length).toBe(2);
    expect(found[0]).toMatch(/^bypassPolicyLockoutSafetyCheck is true: .* Remove the flag and make the policy grant key administration\.$/);
  });
});

describe("aws-kms-key-policy-not-public", () => {
  const policy = "aws-kms-key-policy-not-public";

  it("passes the account-root statement and a Principal * limited by kms:CallerAccount and kms:ViaService", async () => {
    const resources = [
      res(KEY, "data", { policy: keyPolicy({ Principal: { AWS: "arn:aws:iam::111122223333:root" } }) }),
      res(KEY_POLICY, "via", { keyId: "k", policy: keyPolicy({ Principal: { AWS: "*" }, Condition: { StringEquals: { "kms:CallerAccount": "111122223333", "kms:ViaService": "s3.us-east-1.amazonaws.com" } } }) }),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it('flags a key and a key policy that allow Principal "*" or use NotPrincipal', async () => {
    const resources = [
      res(KEY, "open", { policy: keyPolicy({ Principal: "*" }) }),
      res(KEY_POLICY, "not-principal", { keyId: "k", policy: keyPolicy({ NotPrincipal: { AWS: "arn:aws:iam::1:role/x" } }) }),
    ];
    expect(await flagged(policy, resources)).toEqual(["open", "not-principal"]);
  });
});
