import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { res, runPolicy } from "../testing";

const SRC = path.resolve(__dirname, "..");
const SDKS: Readonly<Record<string, string>> = { aws: "@pulumi/aws", gcp: "@pulumi/gcp", kubernetes: "@pulumi/kubernetes" };

/** Every provider type token written in the policies' sources (`"aws:s3/bucket:Bucket"`, ...), with its file. */
function tokensInSources(): { token: string; file: string }[] {
  const files = (fs.readdirSync(SRC, { recursive: true, encoding: "utf8" }) as string[]).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "testing.ts");
  return files.flatMap((file) =>
    [...fs.readFileSync(path.join(SRC, file), "utf8").matchAll(/"((aws|gcp|kubernetes):[\w.]+\/\w+:\w+)"/g)].map((m) => ({ token: m[1] ?? "", file })),
  );
}

/**
 * The `__pulumiType` the SDK's class for `token` declares, read from its module file without
 * loading the SDK (loading aws's ec2, rds, s3, ... modules costs seconds): `aws:ec2/securityGroup:SecurityGroup`
 * is declared in `@pulumi/aws/ec2/securityGroup.js`, `kubernetes:rbac.authorization.k8s.io/v1:Role`
 * in `@pulumi/kubernetes/rbac/v1/role.js`.
 */
function sdkTypeOf(token: string): string | undefined {
  const [pkg = "", mod = "", cls = ""] = token.split(":");
  const [group = "", version = ""] = mod.split("/");
  const root = path.dirname(require.resolve(`${SDKS[pkg] ?? pkg}/package.json`));
  const file = cls.charAt(0).toLowerCase() + cls.slice(1);
  const dir = pkg === "kubernetes" ? path.join(group.split(".")[0] ?? "", version) : group;
  const js = path.join(root, dir, `${file}.js`);
  if (!fs.existsSync(js)) return undefined;
  return /static __pulumiType = '([^']+)'/.exec(fs.readFileSync(js, "utf8"))?.[1];
}

describe("validateTypeToken", () => {
  it("the policies name only type tokens the provider SDKs define (checked against the SDKs' class files)", () => {
    const found = tokensInSources();
    expect(new Set(found.map((t) => t.token.split(":")[0]))).toEqual(new Set(["aws", "gcp", "kubernetes"]));
    expect(found.length).toBeGreaterThan(40);
    const wrong = found.filter(({ token }) => sdkTypeOf(token) !== token);
    expect(wrong).toEqual([]);
  });

  it("runs only on its own type", async () => {
    const other = await runPolicy("gcp-sql-private-ip-only", [res("gcp:redis/instance:Instance", "cache", {})]);
    expect(other.violations).toEqual([]);
    const own = await runPolicy("gcp-sql-private-ip-only", [res("gcp:sql/databaseInstance:DatabaseInstance", "db", { databaseVersion: "POSTGRES_16", settings: { tier: "db-f1-micro", ipConfiguration: { ipv4Enabled: true } } })]);
    expect(own.violations.length).toBe(1);
  });
});
