import { describe, expect, it } from "@jest/globals";
import { res, unknown, violations } from "../../testing";

const USER = "gcp:sql/user:User";
const SECRET_VERSION = "gcp:secretmanager/secretVersion:SecretVersion";

describe("gcp-secrets-no-plaintext-inputs", () => {
  const policy = "gcp-secrets-no-plaintext-inputs";

  it("passes a Cloud SQL user whose password is secret and a secret version computed in the update", async () => {
    const resources = [
      res(USER, "app", { instance: "db", password: "s3cret" }, { secretPaths: ["password"] }),
      res(SECRET_VERSION, "token", { secret: "s", secretData: unknown }),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("flags a Cloud SQL user password and Secret Manager data written in clear", async () => {
    const resources = [res(USER, "app", { instance: "db", password: "s3cret" }), res(SECRET_VERSION, "token", { secret: "s", secretData: "abc" })];
    expect((await violations(policy, resources)).map((m) => m.split(" is ")[0])).toEqual(["app: password", "token: secretData"]);
  });
});
