// Every stack end to end under the mock engine: the root program, the stack's own config file,
// the policy pack through @pulumi/policy's analyzer.
import { describe, expect, it } from "@jest/globals";
import path from "node:path";
import { TIER_DEFAULTS, resolveStackConfig } from "@mlops/core";
import { main } from "@mlops/platform";
import { evaluatePolicies } from "@mlops/policy/rules";
import { loadStackConfig, runWithMocks } from "@mlops/testing";

const root = path.resolve(__dirname, "..");
const STACKS = ["dev", "staging", "prod", "local", "gcp"] as const;

async function planStack(stack: string, preview = false) {
  const file = loadStackConfig(root, stack);
  const run = await runWithMocks(main, { project: file.project, stack, config: file.config, secretKeys: file.secretKeys, preview });
  const config = resolveStackConfig(file.config, { stack, project: file.project });
  return { run, config };
}

const STATEFUL = ["aws:rds/instance:Instance", "aws:s3/bucket:Bucket", "aws:elasticache/replicationGroup:ReplicationGroup", "gcp:sql/databaseInstance:DatabaseInstance", "gcp:storage/bucket:Bucket", "gcp:redis/instance:Instance", "kubernetes:apps/v1:StatefulSet"];

describe.each(STACKS)("stack %s", (stack) => {
  it("plans with zero mandatory policy violations at its tier's enforcement", async () => {
    const { run, config } = await planStack(stack);
    const { violations, policiesRun } = await evaluatePolicies(run.resources, { enforcementLevel: config.policyEnforcement });
    expect(policiesRun.length).toBeGreaterThan(10);
    // Checked at mandatory everywhere: dev is advisory by default but should be just as clean.
    const strict = await evaluatePolicies(run.resources, { enforcementLevel: "mandatory" });
    expect(strict.violations.map((v) => `${v.policyName} ${v.resourceName}: ${v.message}`)).toEqual([]);
    expect(violations).toEqual([]);
  });

  it("builds the three data components on the stack's backend, each child parented to its component", async () => {
    const { run, config } = await planStack(stack);
    const components = run.resources.filter((r) => r.type.startsWith("mlops:"));
    // The other layers' components (network, cluster, tenancy) have their own tests.
    const DATA = ["mlops:storage:ObjectStore", "mlops:database:Database", "mlops:cache:Cache"];
    expect(components.map((c) => c.type).filter((t) => DATA.includes(t)).sort()).toEqual(
      [...config.objectStore.buckets.map(() => "mlops:storage:ObjectStore"), "mlops:database:Database", "mlops:cache:Cache"].sort(),
    );
    for (const c of components) {
      const children = run.resources.filter((r) => r.parent === c.urn);
      expect(children.length).toBeGreaterThan(0);
      for (const child of children) expect(child.urn).toContain(`${c.type}$`);
    }
    const backendPrefix = { aws: "aws:", gcp: "gcp:", kubernetes: "kubernetes:" }[config.backend];
    const db = components.find((c) => c.type === "mlops:database:Database");
    expect(run.resources.some((r) => r.parent === db?.urn && r.type.startsWith(backendPrefix))).toBe(true);
  });

  it("protects stateful resources exactly when the tier says so", async () => {
    const { run, config } = await planStack(stack);
    const stateful = run.resources.filter((r) => STATEFUL.includes(r.type));
    expect(stateful.length).toBeGreaterThan(0);
    for (const r of stateful) expect({ r: `${r.type} ${r.name}`, protect: r.protect }).toEqual({ r: `${r.type} ${r.name}`, protect: TIER_DEFAULTS[config.tier].protectStateful });
  });

  it("exports no secret in clear: connection strings are secret outputs", async () => {
    const { run, config } = await planStack(stack);
    // The cluster's kubeconfig (every stack has a Cluster) is secret too.
    expect(run.secretOutputs.sort()).toEqual([...["cacheConnectionUrl", "databaseConnectionString"].filter((k) => (k.startsWith("cache") ? config.cache.enabled : config.database.enabled)), "kubeconfig"].sort());
    const passwords = run.resources.filter((r) => r.type === "random:index/randomPassword:RandomPassword");
    expect(passwords.length).toBeGreaterThan(0);
    const clear = JSON.stringify(Object.fromEntries(Object.entries(run.stackOutputs).filter(([k]) => !run.secretOutputs.includes(k))));
    for (const p of passwords) {
      const value = p.outputs["result"];
      if (typeof value === "string") expect(clear).not.toContain(value);
    }
  });

  it("plans in preview mode, with computed values unknown, still with zero violations", async () => {
    const { run } = await planStack(stack, true);
    expect(run.resources.length).toBeGreaterThan(10);
    expect(JSON.stringify(run.resources.map((r) => r.inputs))).toContain("<unknown>");
    const { violations } = await evaluatePolicies(run.resources, { enforcementLevel: "mandatory" });
    expect(violations).toEqual([]);
  });
});
