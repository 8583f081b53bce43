import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const redis = (inputs: Record<string, unknown>, type = "google-native:redis/v1:Instance") => res(type, "cache", { instanceId: "cache", memorySizeGb: 1, tier: "STANDARD_HA", ...inputs });

describe("google-native-redis-instance-transit-encryption", () => {
  const policy = "google-native-redis-instance-transit-encryption";

  it("passes TLS with server authentication", async () => {
    expect(await violations(policy, [redis({ transitEncryptionMode: "SERVER_AUTHENTICATION" })])).toEqual([]);
  });

  it("flags unset and disabled transit encryption", async () => {
    expect(await violations(policy, [redis({}), redis({ transitEncryptionMode: "DISABLED" }, "google-native:redis/v1beta1:Instance")])).toEqual([
      'transitEncryptionMode is unset (DISABLED): set "SERVER_AUTHENTICATION" so clients connect over TLS.',
      'transitEncryptionMode is DISABLED: set "SERVER_AUTHENTICATION" so clients connect over TLS.',
    ]);
  });
});

describe("google-native-redis-instance-auth-enabled", () => {
  const policy = "google-native-redis-instance-auth-enabled";

  it("passes AUTH on", async () => {
    expect(await violations(policy, [redis({ authEnabled: true })])).toEqual([]);
  });

  it("flags AUTH off", async () => {
    expect(await violations(policy, [redis({})])).toEqual(["authEnabled is not true: any client on the network can use the instance. Set it."]);
  });
});
