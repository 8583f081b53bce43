import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const REDIS = "gcp:redis/instance:Instance";
const secure = { memorySizeGb: 1, authEnabled: true, transitEncryptionMode: "SERVER_AUTHENTICATION" };

describe("gcp-redis-transit-encryption", () => {
  const policy = "gcp-redis-transit-encryption";

  it("passes an instance with TLS", async () => {
    expect(await violations(policy, [res(REDIS, "cache", secure)])).toEqual([]);
  });

  it("flags an instance without in-transit encryption", async () => {
    expect(await violations(policy, [res(REDIS, "cache", { ...secure, transitEncryptionMode: "DISABLED" })])).toEqual(["transitEncryptionMode is DISABLED."]);
  });
});

describe("gcp-redis-auth-enabled", () => {
  const policy = "gcp-redis-auth-enabled";

  it("passes an instance with AUTH", async () => {
    expect(await violations(policy, [res(REDIS, "cache", secure)])).toEqual([]);
  });

  it("flags an instance without AUTH", async () => {
    expect(await violations(policy, [res(REDIS, "cache", { ...secure, authEnabled: undefined })])).toEqual(["authEnabled is not true."]);
  });
});
