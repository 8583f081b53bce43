import { describe, expect, it } from "@jest/globals";
import { evaluatePolicies } from "../evaluate";
import { res, via } from "../testing";
import type { PlannedResource } from "../types";
import type { ValueOrigins } from "./secrets";

const INSTANCE = "aws:rds/instance:Instance";
const SECRET = "kubernetes:core/v1:Secret";
const RANDOM = "random:index/randomPassword:RandomPassword";

const origins: ValueOrigins = {
  secretConfig: ["[secret]"],
  plainConfig: { "app:dbPassword": "plain-config-password", "aws:region": "eu-west-1" },
  invokeResults: ["from-secrets-manager-lookup"],
};

/** The violations of the three plaintext-secret policies when the plan knows where values came from. */
async function offline(resources: PlannedResource[]): Promise<string[]> {
  const overrides = { "aws-secrets-no-plaintext-inputs": "mandatory", "kubernetes-core-secret-no-plaintext-data": "mandatory" } as const;
  const result = await evaluatePolicies(resources, { enforcementLevel: "disabled", overrides, valueOrigins: origins });
  return result.violations.map((v) => v.message);
}

// The SDK marks `password` secret itself: every input below carries the secret mark, as it would in a real plan.
const rds = (password: string) => res(INSTANCE, "db", { instanceClass: "db.t3.medium", password }, { secretPaths: ["password"] });

describe("plaintext secrets in the offline plan (value origins known)", () => {
  it("flags a literal password although the SDK marked it secret", async () => {
    expect(await offline([rds("hunter2hunter2")])).toEqual([expect.stringMatching(/^db: password is a literal in the program .*does not keep it out of the source/)]);
  });

  it("flags a password read from a config key that is not secret, naming the key and the fix", async () => {
    expect(await offline([rds("plain-config-password")])).toEqual([
      expect.stringContaining("password comes from the config key app:dbPassword, which is not secret (set it with `pulumi config set --secret dbPassword`)"),
    ]);
  });

  it("passes secret config, a value embedding it, a generated password and an invoke result", async () => {
    const random = res(RANDOM, "pw", { length: 32 });
    const generated = via(res(INSTANCE, "generated", { instanceClass: "db.t3.medium", password: "mock-random" }, { secretPaths: ["password"] }), "password", random);
    expect(await offline([rds("[secret]"), random, generated])).toEqual([]);
    expect(await offline([res(INSTANCE, "lookup", { password: "from-secrets-manager-lookup" }, { secretPaths: ["password"] })])).toEqual([]);
    expect(await offline([res(SECRET, "url", { stringData: { url: "postgres://app:[secret]@db:5432/app" } }, { secretPaths: ["stringData"] })])).toEqual([]);
  });

  it("decodes Kubernetes Secret data: a base64 literal is still a literal, base64 secret config is not", async () => {
    const b64 = (s: string) => Buffer.from(s).toString("base64");
    const literal = res(SECRET, "lit", { data: { token: b64("sk-live-123456") } }, { secretPaths: ["data"] });
    const fromConfig = res(SECRET, "cfg", { data: { token: b64("[secret]") } }, { secretPaths: ["data"] });
    expect(await offline([literal, fromConfig])).toEqual([expect.stringMatching(/^lit: data\.token is a literal/)]);
  });

  it("does not treat a short config value found inside a literal as its origin", async () => {
    const origins2 = await evaluatePolicies([rds("xx-eu-west-1-suffix-literal")], {
      enforcementLevel: "disabled",
      overrides: { "aws-secrets-no-plaintext-inputs": "mandatory" },
      valueOrigins: { ...origins, plainConfig: { "app:x": "abc" } },
    });
    expect(origins2.violations.map((v) => v.message)).toEqual([expect.stringMatching(/is a literal/)]);
  });
});
