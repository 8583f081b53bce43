import { describe, expect, it } from "@jest/globals";
import * as gcp from "@pulumi/gcp";
import type { ResourceValidation } from "@pulumi/policy";
import { policies } from "../policies";
import { res, runPolicy } from "../testing";

/** Every type token a policy filters on without loading its SDK class. */
function tokens(): string[] {
  const out: string[] = [];
  for (const p of policies) {
    const v = (p as { validateResource?: ResourceValidation | ResourceValidation[] }).validateResource;
    for (const fn of Array.isArray(v) ? v : v ? [v] : []) {
      const t = (fn as { __pulumiType?: string }).__pulumiType;
      if (t) out.push(t);
    }
  }
  return out;
}

describe("validateTypeToken", () => {
  it("names only type tokens the provider SDK defines (checked against the SDK's own classes)", () => {
    const gcpTokens = tokens().filter((t) => t.startsWith("gcp:"));
    expect(gcpTokens.length).toBeGreaterThan(10);
    for (const token of gcpTokens) {
      const [, mod, cls] = /^gcp:(\w+)\/\w+:(\w+)$/.exec(token) ?? [];
      const sdkClass = (gcp as unknown as Record<string, Record<string, { __pulumiType?: string }>>)[mod ?? ""]?.[cls ?? ""];
      expect({ token, sdk: sdkClass?.__pulumiType }).toEqual({ token, sdk: token });
    }
  });

  it("runs only on its own type", async () => {
    const other = await runPolicy("gcp-sql-private-ip-only", [res("gcp:redis/instance:Instance", "cache", {})]);
    expect(other.violations).toEqual([]);
    const own = await runPolicy("gcp-sql-private-ip-only", [res("gcp:sql/databaseInstance:DatabaseInstance", "db", { databaseVersion: "POSTGRES_16", settings: { tier: "db-f1-micro", ipConfiguration: { ipv4Enabled: true } } })]);
    expect(own.violations.length).toBe(1);
  });
});
