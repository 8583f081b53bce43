import { describe, expect, it } from "@jest/globals";
import { durationSeconds } from "./crypto-key-rotation";
import { res, runPolicy, violations } from "../../testing";

const KEY = "gcp:kms/cryptoKey:CryptoKey";

describe("gcp-kms-crypto-key-rotation", () => {
  const policy = "gcp-kms-crypto-key-rotation";

  it("passes a key rotated every 90 days", async () => {
    expect(await violations(policy, [res(KEY, "data", { keyRing: "ring", rotationPeriod: "7776000s" })])).toEqual([]);
  });

  it("flags a key without a rotation period", async () => {
    expect(await violations(policy, [res(KEY, "data", { keyRing: "ring" })])).toEqual(["rotationPeriod is not set: the key never rotates."]);
  });

  it("flags a key rotated once a year", async () => {
    expect(await violations(policy, [res(KEY, "data", { keyRing: "ring", rotationPeriod: "31536000s" })])).toEqual([
      "rotationPeriod 31536000s is longer than 90 days.",
    ]);
  });

  it("does not apply to an asymmetric signing key", async () => {
    expect((await runPolicy(policy, [res(KEY, "sign", { keyRing: "ring", purpose: "ASYMMETRIC_SIGN" })])).violations).toEqual([]);
  });

  it("parses Cloud KMS durations", () => {
    expect(durationSeconds("7776000s")).toBe(7776000);
    expect(durationSeconds("1.5s")).toBe(1.5);
    expect(durationSeconds("90d")).toBeUndefined();
  });
});
