// `--json` holds no secret in clear: a real plan of a program with secrets from config and from
// random, in resource inputs, outputs and stack outputs (tests/fixtures/secrets-program).
import { describe, expect, it } from "@jest/globals";
import path from "node:path";
import { plan } from "./plan";
import { toJson } from "./report";

const fixture = path.resolve(__dirname, "..", "..", "..", "tests", "fixtures", "secrets-program");

describe("toJson on a planned program", () => {
  it("masks every secret the engine saw, wherever it went", async () => {
    const result = await plan({ stack: "dev", programDir: fixture, typecheck: false });
    const raw = JSON.stringify(result);
    const randoms = result.resources.filter((r) => r.type === "random:index/randomPassword:RandomPassword").map((r) => String(r.outputs["result"]));
    expect(randoms).toHaveLength(2);
    // The plaintext is in the plan itself (the policies need it), so the check below can fail.
    const secrets = ["tok-plain-in-config-7f3a9c", ...randoms];
    for (const s of secrets) expect(raw).toContain(s);

    const json = toJson(result);
    for (const s of secrets) expect(json).not.toContain(s);
    const parsed = JSON.parse(json) as typeof result;
    const secret = parsed.resources.find((r) => r.type === "kubernetes:core/v1:Secret");
    // The kubernetes SDK marks all of stringData secret.
    expect(secret?.inputs["stringData"]).toBe("[secret]");
    expect(parsed.resources.find((r) => r.type === "aws:ssm/parameter:Parameter")?.inputs["value"]).toBe("[secret]");
    expect(parsed.resources.find((r) => r.name === "unused")?.outputs["result"]).toBe("[secret]");
    expect(parsed.outputs).toMatchObject({ token: "[secret]", connection: "[secret]", region: "us-east-1" });
    // What is not secret stays readable.
    expect(secret?.inputs["metadata"]).toMatchObject({ name: "app", namespace: "apps" });
  });
});
