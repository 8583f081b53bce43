import { describe, expect, it } from "@jest/globals";
import { res, via, violations } from "../../testing";

const SECRET = "kubernetes:core/v1:Secret";
const RANDOM = "random:index/randomPassword:RandomPassword";

describe("kubernetes-core-secret-no-plaintext-data", () => {
  const policy = "kubernetes-core-secret-no-plaintext-data";

  it("passes a Secret whose values are secret (also under keys with dots) or generated", async () => {
    const password = res(RANDOM, "pw", { length: 24 });
    const resources = [
      res(SECRET, "tls", { data: { "tls.crt": "Y2VydA==", "tls.key": "a2V5" } }, { secretPaths: ["data.tls.crt", "data.tls.key"] }),
      res(SECRET, "whole", { stringData: { a: "1", b: "2" } }, { secretPaths: ["stringData"] }),
      password,
      via(res(SECRET, "db", { stringData: { password: "generated" } }), "stringData", password),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("flags a Secret with a plaintext stringData value", async () => {
    const secret = res(SECRET, "api", { stringData: { token: "abc123", url: "https://x" } }, { secretPaths: ["stringData.url"] });
    expect(await violations(policy, [secret])).toEqual([
      "api: stringData.token is not a secret. Use config.requireSecret(), pulumi.secret(), or generate it (random.RandomPassword, a managed secret).",
    ]);
  });
});
