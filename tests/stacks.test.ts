// Every stack end to end under the mock engine: the root program, the stack's own config file,
// the policy pack through @pulumi/policy's analyzer, the Kubernetes schema, the standard tags and
// the URNs the stack shipped with. Each stack is planned once per mode (tests/support/plans.ts).
import { describe, expect, it } from "@jest/globals";
import fs from "node:fs";
import path from "node:path";
import { REQUIRED_TAG_KEYS, TIER_DEFAULTS, gcpLabels, kubernetesLabels } from "@mlops/core";
import { evaluatePolicies } from "@mlops/policy/rules";
import { isKubernetesObjectType, kubernetesModelsSchemas, validateKubernetesObject, type RecordedResource } from "@mlops/testing";
import { ROOT, STACKS, planStack } from "./support/plans";
import { tagInput } from "./support/taggable";

// The Kubernetes schema: kubernetes-models 4.5.1 (a devDependency of this package), ajv
// validators generated from the Kubernetes v1.33.0 OpenAPI spec (see tests/k8s-schema.test.ts).
const schemas = kubernetesModelsSchemas(require);

/** `type name: error` for every invalid Kubernetes object, and how many objects were checked. */
function validateAll(resources: RecordedResource[]): { checked: number; errors: string[] } {
  const objects = resources.filter((r) => isKubernetesObjectType(r.type));
  const errors = objects.flatMap((r) => validateKubernetesObject(r.type, r.inputs, schemas).map((e) => `${r.type} ${r.name}: ${e}`));
  return { checked: objects.length, errors };
}

const STATEFUL = ["aws:rds/instance:Instance", "aws:s3/bucket:Bucket", "aws:elasticache/replicationGroup:ReplicationGroup", "gcp:sql/databaseInstance:DatabaseInstance", "gcp:storage/bucket:Bucket", "gcp:redis/instance:Instance", "kubernetes:apps/v1:StatefulSet"];

describe.each(STACKS)("stack %s", (stack) => {
  it("plans with zero policy violations, checked at mandatory even where the tier is advisory", async () => {
    const { run } = await planStack(stack);
    const { violations, policiesRun } = await evaluatePolicies(run.resources, { enforcementLevel: "mandatory" });
    expect(policiesRun.length).toBeGreaterThan(10);
    expect(violations.map((v) => `${v.policyName} ${v.resourceName}: ${v.message}`)).toEqual([]);
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

  it("keeps every URN it shipped with, or aliases it (a deployed stack must not replace what it has)", async () => {
    // tests/fixtures/urns: the URNs each stack registered before the component kit, recorded from that code.
    const shipped = JSON.parse(fs.readFileSync(path.join(ROOT, "tests/fixtures/urns", `${stack}.json`), "utf8")) as string[];
    const { run } = await planStack(stack);
    const answered = new Set(run.resources.flatMap((r) => [r.urn, ...(r.aliases ?? [])]));
    expect(shipped.filter((urn) => !answered.has(urn))).toEqual([]);
  });

  it.each([false, true])("renders only Kubernetes objects that validate against the schema (preview: %s)", async (preview) => {
    const { run } = await planStack(stack, preview);
    const { checked, errors } = validateAll(run.resources);
    expect(errors).toEqual([]);
    // Not vacuous: every stack has a cluster and the tenancy namespaces.
    expect(checked).toBeGreaterThan(5);
  });

  it("tags every AWS/GCP resource whose Args take tags or labels, and labels every Kubernetes object", async () => {
    const { run } = await planStack(stack);
    const custom = run.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:") && !r.type.startsWith("random:"));
    let checked = 0;
    for (const r of custom.filter((x) => x.type.startsWith("aws:") || x.type.startsWith("gcp:"))) {
      const input = tagInput(r.type);
      if (!input) continue;
      const value = (input === "userLabels" ? (r.inputs["settings"] as Record<string, unknown>)["userLabels"] : r.inputs[input]) as Record<string, string> | undefined;
      const expected = input === "tags" ? REQUIRED_TAG_KEYS : Object.keys(gcpLabels(Object.fromEntries(REQUIRED_TAG_KEYS.map((k) => [k, "x"]))));
      const keys = Object.keys(value ?? {}).filter((k) => (expected as readonly string[]).includes(k)).sort();
      expect({ resource: `${r.type} ${r.name}`, keys }).toEqual({ resource: `${r.type} ${r.name}`, keys: [...expected].sort() });
      checked++;
    }
    const labelKeys = Object.keys(kubernetesLabels(Object.fromEntries(REQUIRED_TAG_KEYS.map((k) => [k, "x"]))));
    for (const r of custom.filter((x) => x.type.startsWith("kubernetes:"))) {
      const labels = ((r.inputs["metadata"] as Record<string, unknown> | undefined)?.["labels"] ?? {}) as Record<string, string>;
      expect({ resource: `${r.type} ${r.name}`, missing: labelKeys.filter((k) => !(k in labels)) }).toEqual({ resource: `${r.type} ${r.name}`, missing: [] });
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });
});
