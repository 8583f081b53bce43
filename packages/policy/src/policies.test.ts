import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, jest } from "@jest/globals";
import type { Policy } from "@pulumi/policy";
import { packEnforcementLevel, parseConfigEnv } from "./enforcement";
import { allPolicies, definePolicy, FRAMEWORKS, loadPolicyFiles, selectPolicies, SEVERITIES, TOPICS, VENDORS, type PolicyEntry, type PolicyTags } from "./lib/registry";
import { PACK_SELECTION, policies } from "./policies";

const files = loadPolicyFiles();
const names = (entries: readonly PolicyEntry[]) => entries.map((e) => e.policy.name);
const looksLikePolicy = (v: unknown): v is Policy =>
  typeof v === "object" && v !== null && typeof (v as Policy).name === "string" && ("validateResource" in v || "validateStack" in v);

describe("the policy files", () => {
  it("finds policies in every vendor folder that exists, and nothing outside the vendor folders", () => {
    const folders = VENDORS.filter((v) => fs.existsSync(path.join(__dirname, v)));
    expect([...new Set(allPolicies().map((e) => e.tags.vendor))].sort()).toEqual([...folders].sort());
    expect(new Set(files.map((f) => f.file.split("/")[0]))).toEqual(new Set(folders));
    expect(allPolicies().length).toBeGreaterThanOrEqual(46);
  });

  it("each policy file exports exactly one entry, named after its path under src (`/` as `-`), in its vendor and service folder", () => {
    for (const { file, entries } of files.filter((f) => f.entries.length > 0)) {
      const [vendor, service] = file.split("/");
      expect({ file, count: entries.length }).toEqual({ file, count: 1 });
      const [{ policy, tags }] = entries as [PolicyEntry];
      expect({ file, name: policy.name, vendor: tags.vendor, service: tags.services[0] }).toEqual({ file, name: file.replace(/\//g, "-"), vendor, service });
    }
  });

  it("helper files (no entry) export no bare policy either: a policy not wrapped in definePolicy would silently leave the pack", () => {
    for (const { file } of files) {
      const exported = require(path.join(__dirname, `${file}.ts`)) as Record<string, unknown>;
      expect({ file, bare: Object.keys(exported).filter((k) => looksLikePolicy(exported[k])) }).toEqual({ file, bare: [] });
    }
  });

  it("every policy has a describe block named after it in a spec file of its own folder", () => {
    const missing = files
      .flatMap(({ file, entries }) => entries.map((e) => ({ file, name: e.policy.name })))
      .filter(({ file, name }) => {
        const dir = path.join(__dirname, path.dirname(file));
        const specs = fs.readdirSync(dir).filter((f) => f.endsWith(".spec.ts")).map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
        return !specs.some((s) => s.includes(`describe("${name}"`));
      })
      .map(({ name }) => name);
    expect(missing).toEqual([]);
  });

  it("skips build output whose source file is gone (tsc -b keeps lib/x.js after src/x.ts is removed), but not in a package without src", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "policy-files-"));
    try {
      for (const f of ["lib/aws/x/kept.js", "lib/aws/x/stale.js", "src/aws/x/kept.ts"]) {
        fs.mkdirSync(path.dirname(path.join(tmp, f)), { recursive: true });
        fs.writeFileSync(path.join(tmp, f), "module.exports = {};\n");
      }
      expect(loadPolicyFiles(path.join(tmp, "lib")).map((f) => f.file)).toEqual(["aws/x/kept"]);
      fs.rmSync(path.join(tmp, "src"), { recursive: true });
      expect(loadPolicyFiles(path.join(tmp, "lib")).map((f) => f.file)).toEqual(["aws/x/kept", "aws/x/stale"]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it("names every policy once, with a description and no built-in enforcement level", () => {
    const all = names(allPolicies());
    expect(new Set(all).size).toBe(all.length);
    for (const { policy } of allPolicies()) {
      expect(policy.description.length).toBeGreaterThan(60);
      expect(policy.enforcementLevel).toBeUndefined();
    }
  });

  it("tags every policy with known values only", () => {
    for (const { policy, tags } of allPolicies()) {
      const known = { vendor: VENDORS.includes(tags.vendor), severity: SEVERITIES.includes(tags.severity) };
      expect({ name: policy.name, ...known }).toEqual({ name: policy.name, vendor: true, severity: true });
      expect(tags.topics.length).toBeGreaterThan(0);
      expect(tags.topics.filter((t) => !TOPICS.includes(t))).toEqual([]);
      expect(tags.frameworks.filter((f) => !FRAMEWORKS.includes(f))).toEqual([]);
    }
  });

  it("loads no provider SDK at runtime: an AWS plan does not load @pulumi/gcp, nor a GCP plan @pulumi/aws", () => {
    jest.isolateModules(() => {
      for (const sdk of ["@pulumi/aws", "@pulumi/gcp", "@pulumi/kubernetes", "@pulumi/aws-native", "@pulumi/google-native"]) {
        jest.doMock(sdk, () => {
          throw new Error(`${sdk} was loaded by a policy at runtime; use validateTypeToken and \`import type\``);
        }, { virtual: true });
      }
      const { loadPolicyFiles: load } = require("./lib/registry") as typeof import("./lib/registry");
      expect(load().flatMap((f) => f.entries).length).toBe(allPolicies().length);
    });
  });
});

describe("definePolicy", () => {
  const policy = { name: "aws-x-y", description: "d", validateResource: () => undefined };
  const tags: PolicyTags = { vendor: "aws", services: ["x"], topics: ["network"], frameworks: [], severity: "low" };

  it("rejects a tag value outside its list, naming the policy, the value and what is allowed", () => {
    expect(() => definePolicy(policy, { ...tags, topics: ["netwrok" as never] })).toThrow(
      'policy aws-x-y: topics "netwrok" is not one of encryption, network, logging, access, secrets, backup, tenancy, compute',
    );
    expect(() => definePolicy(policy, { ...tags, frameworks: ["nist" as never] })).toThrow('frameworks "nist" is not one of cis, hitrust, iso27001, pcidss, soc2');
    expect(() => definePolicy(policy, { ...tags, severity: "urgent" as never })).toThrow('severity "urgent"');
    expect(() => definePolicy(policy, { ...tags, topics: [] })).toThrow("topics needs at least 1 value");
    expect(() => definePolicy(policy, { ...tags, services: ["EC2"] })).toThrow("services must be one or more lower-case provider module names");
  });
});

describe("selection by tag", () => {
  const entry = (name: string, tags: Partial<PolicyTags>) =>
    definePolicy({ name, description: "d", validateResource: () => undefined }, { vendor: "aws", services: ["s3"], topics: ["encryption"], frameworks: [], severity: "high", ...tags });
  const sample = [
    entry("aws-s3-a", { frameworks: ["pcidss"] }),
    entry("aws-rds-b", { services: ["rds"], topics: ["network"], severity: "critical" }),
    entry("gcp-sql-c", { vendor: "gcp", services: ["sql"], topics: ["network", "encryption"], frameworks: ["cis"] }),
  ];

  it("keeps, per given list, the policies with at least one of its values, and all lists must match", () => {
    expect(names(selectPolicies({}, sample))).toEqual(["aws-s3-a", "aws-rds-b", "gcp-sql-c"]);
    expect(names(selectPolicies({ vendors: ["gcp"] }, sample))).toEqual(["gcp-sql-c"]);
    expect(names(selectPolicies({ topics: ["network"] }, sample))).toEqual(["aws-rds-b", "gcp-sql-c"]);
    expect(names(selectPolicies({ topics: ["network"], vendors: ["aws"] }, sample))).toEqual(["aws-rds-b"]);
    expect(names(selectPolicies({ frameworks: ["cis", "pcidss"] }, sample))).toEqual(["aws-s3-a", "gcp-sql-c"]);
    expect(names(selectPolicies({ services: ["rds"], severities: ["critical"] }, sample))).toEqual(["aws-rds-b"]);
    expect(names(selectPolicies({ vendors: [] }, sample))).toEqual([]);
  });

  it("selects the pack's real policies by vendor, topic and framework", () => {
    expect(names(selectPolicies({ vendors: ["kubernetes"] })).every((n) => n.startsWith("kubernetes-"))).toBe(true);
    expect(names(selectPolicies({ topics: ["backup"] }))).toEqual(["aws-rds-backups-enabled", "gcp-sql-backups-enabled"]);
    expect(names(selectPolicies({ vendors: ["kubernetes"], frameworks: ["cis"] }))).toEqual(
      expect.arrayContaining(["kubernetes-pod-no-privileged-containers", "kubernetes-rbac-no-wildcard-secrets"]),
    );
    expect(names(selectPolicies({ vendors: ["kubernetes"], frameworks: ["cis"] }))).not.toContain("kubernetes-core-team-namespace-resource-quota");
  });

  it("rejects a value no policy could match instead of selecting nothing", () => {
    expect(() => selectPolicies({ vendors: ["azure" as never] }, sample)).toThrow('policy selection: vendors "azure" is not one of aws, aws-native, gcp, google-native, kubernetes');
    expect(() => selectPolicies({ services: ["s4"] }, sample)).toThrow('policy selection: services "s4" is not one of rds, s3, sql');
  });

  it("the pack is the named selection, and it gates on every policy the registry has", () => {
    expect(policies.map((p) => p.name)).toEqual(names(selectPolicies(PACK_SELECTION)));
    expect(policies.map((p) => p.name)).toEqual(names(allPolicies()));
  });
});

describe("pack enforcement", () => {
  it("follows the tier: advisory in dev, mandatory in staging and prod, mandatory when unknown", () => {
    expect(packEnforcementLevel({}, "dev")).toBe("advisory");
    expect(packEnforcementLevel({}, "staging")).toBe("mandatory");
    expect(packEnforcementLevel({ "mlops-platform:tier": "prod" }, "dev")).toBe("mandatory");
    expect(packEnforcementLevel({}, "feature-x")).toBe("mandatory");
  });

  it("honours mlops-platform:policyEnforcement except in prod", () => {
    expect(packEnforcementLevel({ "mlops-platform:policyEnforcement": "mandatory" }, "dev")).toBe("mandatory");
    expect(packEnforcementLevel({ "mlops-platform:policyEnforcement": "advisory" }, "prod")).toBe("mandatory");
  });

  it("reads PULUMI_CONFIG and ignores malformed input", () => {
    expect(parseConfigEnv('{"mlops-platform:tier":"dev","n":1}')).toEqual({ "mlops-platform:tier": "dev" });
    expect(parseConfigEnv("not json")).toEqual({});
    expect(parseConfigEnv(undefined)).toEqual({});
  });

  it("ships --policy-pack-config files: dev advisory, staging and prod mandatory", () => {
    const read = (tier: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "..", "config", `${tier}.json`), "utf8")) as unknown;
    expect([read("dev"), read("staging"), read("prod")]).toEqual([{ all: "advisory" }, { all: "mandatory" }, { all: "mandatory" }]);
  });
});
