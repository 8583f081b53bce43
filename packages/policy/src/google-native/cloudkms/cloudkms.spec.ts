import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const key = (inputs: Record<string, unknown>) => res("google-native:cloudkms/v1:CryptoKey", "key", { keyRingId: "r", cryptoKeyId: "k", ...inputs });

describe("google-native-cloudkms-crypto-key-rotation", () => {
  const policy = "google-native-cloudkms-crypto-key-rotation";

  it("passes a 90-day rotation and skips signing keys", async () => {
    expect(await violations(policy, [key({ rotationPeriod: "7776000s" }), key({ purpose: "ASYMMETRIC_SIGN" })])).toEqual([]);
  });

  it("flags no rotation, a long one and a malformed one", async () => {
    expect(await violations(policy, [key({}), key({ rotationPeriod: "31536000s" }), key({ rotationPeriod: "90d" })])).toEqual([
      "rotationPeriod is not set: the key never rotates. Set it to at most 7776000s (90 days).",
      "rotationPeriod 31536000s is longer than 90 days: shorten it.",
      'rotationPeriod "90d" is not a duration in seconds ("7776000s").',
    ]);
  });
});
