// The human report and the JSON, on a PlanResult built here: no program runs.
import { describe, expect, it } from "@jest/globals";
import type { RecordedResource } from "@mlops/testing";
import type { PolicyViolation } from "@mlops/policy/rules";
import { maskPaths, secretValues } from "./mask";
import type { PlanResult } from "./plan";
import { renderReport, renderTree, toJson, wrap, wrapList } from "./report";

const STACK_URN = "urn:pulumi:prod::shop::pulumi:pulumi:Stack::shop-prod";

function res(type: string, name: string, extra: Partial<RecordedResource> = {}): RecordedResource {
  return {
    type,
    name,
    urn: `urn:pulumi:prod::shop::${type}::${name}`,
    parent: STACK_URN,
    dependencies: [],
    propertyDependencies: {},
    inputs: {},
    secretPaths: [],
    protect: false,
    retainOnDelete: false,
    custom: true,
    remote: false,
    outputs: {},
    ...extra,
  };
}

function topLevel(r: RecordedResource): RecordedResource {
  const { parent: _parent, ...rest } = r;
  return rest;
}

const violation = (policyName: string, resourceName: string, message: string): PolicyViolation => ({
  policyName,
  enforcementLevel: "mandatory",
  message,
  description: "",
  resourceType: "aws:s3/bucket:Bucket",
  resourceName,
});

function result(over: Partial<PlanResult> = {}): PlanResult {
  const stack = topLevel({ ...res("pulumi:pulumi:Stack", "shop-prod", { custom: false }), urn: STACK_URN });
  const vpc = res("awsx:ec2:Vpc", "net", { custom: false, remote: true });
  const chart = res("kubernetes:helm.sh/v4:Chart", "ingress", { custom: false, remote: true, unverified: "rendered by Helm at deploy time" });
  return {
    mocked: true,
    stack: "prod",
    project: "shop",
    program: "index.ts",
    tier: "prod",
    tierSource: "stack name",
    enforcement: "mandatory",
    preview: false,
    resources: [
      stack,
      topLevel(res("pulumi:providers:aws", "default_7_0_0")),
      vpc,
      res("aws:ec2/subnet:Subnet", "net-private-1", { parent: vpc.urn, modelled: true }),
      chart,
      res("aws:rds/instance:Instance", "db", {
        inputs: { engine: "postgres", password: "s3cr3t-db-pass" },
        secretPaths: ["password"],
        outputs: { engine: "postgres", password: "s3cr3t-db-pass", endpoint: "db.mock:5432" },
        protect: true,
      }),
    ],
    outputs: { url: "https://shop.example.com", dbPassword: "[secret]", buckets: { logs: "s3://logs", data: "s3://data" }, subnets: ["subnet-1"] },
    secretOutputs: ["dbPassword"],
    logs: [],
    warnings: [],
    unverified: [{ urn: chart.urn, type: chart.type, name: chart.name, reason: "rendered by Helm at deploy time" }],
    allowed: { unverified: false, indeterminate: false },
    policy: { policiesRun: ["a", "b"], violations: [], indeterminate: [], mandatory: 0, advisory: 0 },
    ...over,
  };
}

describe("renderReport", () => {
  it("marks every resource to create with +, labels modelled and unverified ones, counts like pulumi preview", () => {
    const report = renderReport(result(), { tree: true });
    const tree = report.split("\n").filter((l) => /[├└]─/.test(l));
    expect(tree.length).toBeGreaterThan(0);
    for (const line of tree) expect(line.startsWith("+ ")).toBe(true);
    expect(report).toContain("aws:ec2/subnet:Subnet  net-private-1  [modelled]");
    expect(report).toContain("kubernetes:helm.sh/v4:Chart  ingress  [remote component]  [unverified: rendered by Helm at deploy time]");
    expect(report).toContain("aws:rds/instance:Instance  db  [protected]  [secret: password]");
    // The engine's default providers are not shown nor counted, as in pulumi preview; the stack is.
    expect(report).not.toContain("default_7_0_0");
    expect(report).toContain("Resources:\n    + 5 to create\n    (2 custom, 2 components, 1 modelled, 1 unverified)");
  });

  it("keeps the header lines whole at any width, for grep", () => {
    const lines = renderReport(result({ preview: true, tierSource: "config mlops-platform:tier" }), { tree: false, width: 40 }).split("\n");
    expect(lines[2]).toBe("Tier prod (config mlops-platform:tier); policy enforcement mandatory; preview mode (computed values unknown)");
  });

  it("lists stack outputs with secret ones masked", () => {
    const report = renderReport(result(), { tree: false });
    expect(report).toContain(
      ['Outputs:', '    url: "https://shop.example.com"', "    dbPassword: [secret]", "    buckets: {", '        logs: "s3://logs"', '        data: "s3://data"', "    }", "    subnets: [", '        [0]: "subnet-1"', "    ]"].join("\n"),
    );
  });

  it("shows each resource's inputs under it with --diff, secrets masked", () => {
    const plain = renderReport(result(), { tree: true });
    expect(plain).not.toContain('engine: "postgres"');
    const diff = renderReport(result(), { tree: true, diff: true });
    expect(diff).toMatch(/aws:rds\/instance:Instance {2}db.*\n\+ {10}engine: "postgres"\n\+ {10}password: \[secret\]/);
    expect(diff).not.toContain("s3cr3t-db-pass");
    // A secret that reached another resource without its mark (a modelled child) is masked there too.
    const copy = res("aws:ssm/parameter:Parameter", "copy", { modelled: true, inputs: { value: "s3cr3t-db-pass", tier: "Standard" } });
    const leaked = renderReport(result({ resources: [...result().resources, copy] }), { tree: true, diff: true });
    expect(leaked).not.toContain("s3cr3t-db-pass");
    expect(leaked).toMatch(/^\+ {10}value: \[secret\]$/m);
    expect(leaked).toMatch(/^\+ {10}tier: "Standard"$/m);
  });

  it("wraps long summary lines to the terminal width", () => {
    const many = Array.from({ length: 12 }, (_, i) => res("aws:s3/bucket:Bucket", `bucket-number-${i}`, { protect: true }));
    const r = result({ resources: [...result().resources, ...many] });
    const narrow = renderReport(r, { tree: false, width: 60 }).split("\n");
    const protectedAt = narrow.findIndex((l) => l.startsWith("Protected:"));
    expect(narrow[protectedAt + 1]).toMatch(/^ {4}\S/);
    // All but the header (kept whole) and the count columns.
    for (const line of narrow.slice(3).filter((l) => !/^\s+\d+ {2}/.test(l))) expect(line.length).toBeLessThanOrEqual(60);
    const wide = renderReport(r, { tree: false, width: 1000 }).split("\n");
    expect(wide.find((l) => l.startsWith("Protected:"))).toContain("bucket-number-11");
  });

  it("says why a mandatory plan fails on the gate alone, and which flag allows it", () => {
    const report = renderReport(result(), { tree: false, width: 400 });
    expect(report).toContain("Unverified components (1): no policy saw their children; each fails this mandatory plan unless --allow-unverified is given");
    expect(report).toContain("  kubernetes:helm.sh/v4:Chart  ingress: rendered by Helm at deploy time");
    expect(report).toContain("Plan FAILED (enforcement mandatory): 1 unverified component(s) (allow with --allow-unverified).");
    const allowed = renderReport(result({ allowed: { unverified: true, indeterminate: false } }), { tree: false });
    expect(allowed).toContain("allowed by --allow-unverified");
    expect(allowed).toContain("Plan passed (enforcement mandatory).");
    const advisory = renderReport(result({ enforcement: "advisory" }), { tree: false });
    expect(advisory).toContain("reported only (enforcement advisory)");
  });

  it("lists the checks that could not run in preview, the plan's warnings and the violations", () => {
    const r = result({
      preview: true,
      unverified: [],
      warnings: ["the program pins @pulumi/aws 6.x; the plan loads 7.x"],
      policy: {
        policiesRun: ["a"],
        violations: [violation("aws-s3-bucket-encrypted-with-kms", "logs", "no KMS key")],
        indeterminate: [violation("aws-s3-public-access-block-enabled", "data", "bucket is unknown in preview")],
        mandatory: 1,
        advisory: 0,
      },
    });
    const report = renderReport(r, { tree: false, width: 400 });
    expect(report).toContain("Plan warnings:\n  warning: the program pins @pulumi/aws 6.x; the plan loads 7.x");
    expect(report).toContain("Checks that could not run in preview (1): values unknown until deploy; each fails this mandatory plan unless --allow-indeterminate is given");
    expect(report).toContain("  aws-s3-public-access-block-enabled: aws:s3/bucket:Bucket data\n      bucket is unknown in preview");
    expect(report).toContain("  [mandatory] aws-s3-bucket-encrypted-with-kms: aws:s3/bucket:Bucket logs\n      no KMS key");
    expect(report).toContain("Plan FAILED (enforcement mandatory): 1 mandatory policy violation(s); 1 check(s) that could not run in preview (allow with --allow-indeterminate).");
  });

  it("keeps renderTree's plain lines (no markers) for library callers", () => {
    expect(renderTree(result().resources)[0]).toBe("├─ pulumi:pulumi:Stack  shop-prod");
  });
});

describe("wrapList", () => {
  it("breaks between items, never inside one", () => {
    expect(wrapList("Protected:", ["aws:kms/key:Key a", "aws:kms/key:Key b", "aws:s3/bucket:Bucket c"], 40)).toEqual(["Protected: aws:kms/key:Key a,", "    aws:kms/key:Key b,", "    aws:s3/bucket:Bucket c"]);
    expect(wrapList("Protected:", ["a b", "c d", "e f"], 16)).toEqual(["Protected: a b,", "    c d, e f"]);
    expect(wrapList("Secret outputs:", [], 40)).toEqual(["Secret outputs: none"]);
  });
});

describe("wrap", () => {
  it("breaks at spaces, keeps the leading indent, indents continuation lines", () => {
    expect(wrap("  [mandatory] one two three four", 16, "      ")).toEqual(["  [mandatory]", "      one two", "      three four"]);
    expect(wrap("short", 16)).toEqual(["short"]);
  });
});

describe("masking", () => {
  it("masks at dotted paths, keys with dots in them and array elements, without touching the rest", () => {
    const values = { stringData: { "tls.key": "KEY", "tls.crt": "CRT" }, env: [{ name: "A", value: "x" }, { name: "B", value: "TOKEN" }] };
    const masked = maskPaths(values, ["stringData.tls.key", "env.1.value"]);
    expect(masked).toEqual({ stringData: { "tls.key": "[secret]", "tls.crt": "CRT" }, env: [{ name: "A", value: "x" }, { name: "B", value: "[secret]" }] });
    expect(values.stringData["tls.key"]).toBe("KEY"); // a copy
    expect([...secretValues(values, ["stringData", "env.1.value"])].sort()).toEqual(["CRT", "KEY", "TOKEN"]);
  });

  it("writes no secret value in clear anywhere in the JSON", () => {
    const base = result();
    const db = base.resources.find((r) => r.name === "db");
    const random = res("random:index/randomPassword:RandomPassword", "admin", { outputs: { length: 24, result: "Gen3rated-Passw0rd" }, outputSecretPaths: ["result"] });
    // The secret also reached places without its mark: a modelled child's input, a message.
    const leaked = res("aws:ssm/parameter:Parameter", "copy", { modelled: true, inputs: { value: "postgres://app:s3cr3t-db-pass@db" } });
    const r = result({
      resources: [...base.resources, random, leaked],
      policy: { ...base.policy, violations: [violation("x", "db", "password Gen3rated-Passw0rd is weak")] },
    });
    const json = toJson(r);
    for (const secret of ["s3cr3t-db-pass", "Gen3rated-Passw0rd"]) expect(json).not.toContain(secret);
    const parsed = JSON.parse(json) as PlanResult;
    const out = (name: string) => parsed.resources.find((x) => x.name === name) ?? res("missing", name);
    expect(out("db").inputs).toEqual({ engine: "postgres", password: "[secret]" });
    expect(out("db").outputs).toEqual({ engine: "postgres", password: "[secret]", endpoint: "db.mock:5432" });
    expect(out("admin").outputs).toEqual({ length: 24, result: "[secret]" });
    expect(out("copy").inputs["value"]).toBe("[secret]");
    expect(parsed.outputs["dbPassword"]).toBe("[secret]");
    expect(db?.inputs["password"]).toBe("s3cr3t-db-pass"); // the PlanResult itself is left alone
  });
});
