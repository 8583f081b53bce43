import { describe, expect, it, jest } from "@jest/globals";
import { byType, one, runWithMocks } from "@mlops/testing";
import type { RecordedResource } from "@mlops/testing";
import type { TenancyArgs } from "./types";

jest.mock("@pulumi/aws", () => {
  throw new Error("@pulumi/aws loaded by a kubernetes Tenancy");
});
jest.mock("@pulumi/gcp", () => {
  throw new Error("@pulumi/gcp loaded by a kubernetes Tenancy");
});

const { Tenancy } = require("./tenancy") as typeof import("./tenancy");

const tags = { project: "mlops", "managed-by": "pulumi", team: "platform" };
const NS = "kubernetes:core/v1:Namespace";
const NP = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
const ROLE = "kubernetes:rbac.authorization.k8s.io/v1:Role";
const BINDING = "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding";
const team = { name: "data-science", cpu: 100, memoryGi: 200, gpu: 4, persistentVolumeClaims: 10 };

function run(extra: Partial<TenancyArgs> = {}, tier: TenancyArgs["tier"] = "dev") {
  return runWithMocks(() => {
    const t = new Tenancy("tenancy", { backend: "kubernetes", tier, tags, placement: {}, teams: [team], ...extra });
    return { namespaces: t.namespaces, teamNamespaces: t.teamNamespaces, clientNamespaces: t.clientNamespaces, roles: t.roles };
  }, { project: "mlops-platform", stack: "local" });
}

type Obj = Record<string, unknown>;
const meta = (r: RecordedResource) => r.inputs["metadata"] as Obj;
const labels = (r: RecordedResource) => meta(r)["labels"] as Record<string, string>;
const inNs = (resources: RecordedResource[], type: string, ns: string) => byType(resources, type).filter((r) => meta(r)["namespace"] === ns);
const policy = (resources: RecordedResource[], ns: string, name: string) => {
  const found = inNs(resources, NP, ns).find((p) => meta(p)["name"] === name);
  if (!found) throw new Error(`no NetworkPolicy ${name} in ${ns}`);
  return found.inputs["spec"] as Obj;
};

describe("Tenancy on kubernetes", () => {
  it("creates the four platform namespaces and one per team, prefixed, with outputs by purpose and team", async () => {
    const { resources, stackOutputs } = await run();
    expect(byType(resources, NS).map((n) => meta(n)["name"]).sort()).toEqual(["mlops-data", "mlops-data-science", "mlops-ml", "mlops-monitoring", "mlops-serving"]);
    expect(stackOutputs).toEqual({
      namespaces: { data: "mlops-data", ml: "mlops-ml", serving: "mlops-serving", monitoring: "mlops-monitoring" },
      teamNamespaces: { "data-science": "mlops-data-science" },
      clientNamespaces: ["mlops-ml", "mlops-serving", "mlops-data-science"],
      roles: { "data-science": { ml_engineer: "mlops-ml-engineer", data_scientist: "mlops-data-scientist", model_reviewer: "mlops-model-reviewer", admin: "mlops-admin" } },
    });
    const component = one(resources, "mlops:tenancy:Tenancy");
    for (const r of resources.filter((x) => x.type.startsWith("kubernetes:"))) expect(r.parent).toBe(component.urn);
  });

  it("labels every namespace with the tier's Pod Security level, pinned, audit and warn restricted", async () => {
    for (const [tier, enforce] of [["dev", "baseline"], ["staging", "baseline"], ["prod", "restricted"]] as const) {
      const { resources } = await run({}, tier);
      for (const ns of byType(resources, NS)) {
        expect(labels(ns)).toMatchObject({
          "pod-security.kubernetes.io/enforce": enforce,
          "pod-security.kubernetes.io/enforce-version": "v1.32",
          "pod-security.kubernetes.io/audit": "restricted",
          "pod-security.kubernetes.io/audit-version": "v1.32",
          "pod-security.kubernetes.io/warn": "restricted",
          "pod-security.kubernetes.io/warn-version": "v1.32",
        });
        expect(ns.protect).toBe(tier !== "dev");
      }
    }
    const { resources } = await run({ podSecurity: "restricted", namespacePrefix: "acme" });
    expect(Object.fromEntries(byType(resources, NS).map((n) => [meta(n)["name"], labels(n)["pod-security.kubernetes.io/enforce"]]))).toEqual({
      "acme-data": "restricted", "acme-ml": "restricted", "acme-serving": "restricted", "acme-monitoring": "restricted", "acme-data-science": "restricted",
    });
  });

  it("marks team namespaces (only them) with mlops.platform/team, even when a stack tag is called team", async () => {
    const { resources } = await run();
    const marked = Object.fromEntries(byType(resources, NS).map((n) => [meta(n)["name"], [labels(n)["mlops.platform/team"], labels(n)["mlops.platform/purpose"]]]));
    expect(marked).toEqual({
      "mlops-data": [undefined, "data"], "mlops-ml": [undefined, "ml"], "mlops-serving": [undefined, "serving"], "mlops-monitoring": [undefined, "monitoring"], "mlops-data-science": ["data-science", "team"],
    });
  });

  it("denies all ingress and egress in every namespace and allows DNS to kube-dns only", async () => {
    const { resources } = await run();
    for (const ns of byType(resources, NS).map((n) => meta(n)["name"] as string)) {
      expect(policy(resources, ns, "default-deny")).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
      expect(policy(resources, ns, "allow-dns")).toEqual({
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [{
          to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
          ports: [{ protocol: "UDP", port: 53 }, { protocol: "TCP", port: 53 }],
        }],
      });
      expect(policy(resources, ns, "allow-same-namespace-egress")).toEqual({ podSelector: {}, policyTypes: ["Egress"], egress: [{ to: [{ podSelector: {} }] }] });
    }
  });

  it("admits Prometheus from the monitoring namespace on the port named metrics, and lets it out to platform namespaces only", async () => {
    const { resources } = await run();
    expect(policy(resources, "mlops-data-science", "allow-metrics-scrape")).toEqual({
      podSelector: {},
      policyTypes: ["Ingress"],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "mlops-monitoring" } }, podSelector: { matchLabels: { "app.kubernetes.io/name": "prometheus" } } }], ports: [{ protocol: "TCP", port: "metrics" }] }],
    });
    expect(policy(resources, "mlops-monitoring", "allow-scrape-egress")).toEqual({
      podSelector: { matchLabels: { "app.kubernetes.io/name": "prometheus" } },
      policyTypes: ["Egress"],
      egress: [{ to: [{ namespaceSelector: { matchExpressions: [{ key: "mlops.platform/purpose", operator: "Exists" }] } }], ports: [{ protocol: "TCP", port: "metrics" }] }],
    });
    expect(inNs(resources, NP, "mlops-data-science").some((p) => meta(p)["name"] === "allow-scrape-egress")).toBe(false);
  });

  it("lets ml, serving and team pods reach the data namespace on 5432, 6379 and 9000; data and monitoring are no clients", async () => {
    const { resources } = await run();
    const spec = {
      podSelector: {},
      policyTypes: ["Egress"],
      egress: [{ to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "mlops-data" } } }], ports: [{ protocol: "TCP", port: 5432 }, { protocol: "TCP", port: 6379 }, { protocol: "TCP", port: 9000 }] }],
    };
    for (const ns of ["mlops-ml", "mlops-serving", "mlops-data-science"]) expect(policy(resources, ns, "allow-data-services")).toEqual(spec);
    for (const ns of ["mlops-data", "mlops-monitoring"]) expect(inNs(resources, NP, ns).map((p) => meta(p)["name"])).not.toContain("allow-data-services");
    // In data, each service admits its clients itself: no blanket same-namespace ingress there.
    expect(inNs(resources, NP, "mlops-data").map((p) => meta(p)["name"]).sort()).toEqual(["allow-dns", "allow-metrics-scrape", "allow-same-namespace-egress", "default-deny"]);
    expect(policy(resources, "mlops-ml", "allow-same-namespace-ingress")).toEqual({ podSelector: {}, policyTypes: ["Ingress"], ingress: [{ from: [{ podSelector: {} }] }] });
    // No cloud egress in-cluster.
    expect(byType(resources, NP).map((p) => meta(p)["name"])).not.toContain("allow-cloud-apis");
  });

  it("keeps the local foundation's data namespace and policies through root aliases", async () => {
    const { resources } = await run();
    const root = "urn:pulumi:local::mlops-platform::";
    expect(one(resources, NS, "tenancy-data").aliases).toContain(`${root}kubernetes:core/v1:Namespace::data`);
    for (const p of ["default-deny", "allow-dns", "allow-same-namespace-egress"]) {
      expect(one(resources, NP, `tenancy-data-${p}`).aliases).toContain(`${root}kubernetes:networking.k8s.io/v1:NetworkPolicy::data-${p}`);
    }
    expect(one(resources, NS, "tenancy-ml").aliases ?? []).toEqual([]);
  });

  it("gives each team a ResourceQuota (GPU by requests only, no load balancers) and container defaults", async () => {
    const { resources } = await run({ teams: [{ ...team, storageGi: 500 }] });
    const quota = one(resources, "kubernetes:core/v1:ResourceQuota");
    expect(meta(quota)["namespace"]).toBe("mlops-data-science");
    expect(quota.inputs["spec"]).toEqual({
      hard: {
        "requests.cpu": "100", "limits.cpu": "200", "requests.memory": "200Gi", "limits.memory": "200Gi", "requests.nvidia.com/gpu": "4",
        persistentvolumeclaims: "10", "requests.storage": "500Gi", "services.loadbalancers": "0", "services.nodeports": "0",
      },
    });
    expect(Object.keys((quota.inputs["spec"] as { hard: Obj }).hard)).not.toContain("limits.nvidia.com/gpu");
    const limits = one(resources, "kubernetes:core/v1:LimitRange");
    expect(meta(limits)["namespace"]).toBe("mlops-data-science");
    expect(limits.inputs["spec"]).toEqual({ limits: [{ type: "Container", defaultRequest: { cpu: "100m", memory: "256Mi" }, default: { cpu: "1", memory: "1Gi" } }] });
  });

  it("defaults GPUs to none and claims to 10", async () => {
    const { resources } = await run({ teams: [{ name: "cv", cpu: 8, memoryGi: 16 }] });
    expect((one(resources, "kubernetes:core/v1:ResourceQuota").inputs["spec"] as { hard: Obj }).hard).toMatchObject({ "requests.nvidia.com/gpu": "0", persistentvolumeclaims: "10" });
  });

  it("creates the four team Roles by the permission mapping, never a wildcard verb, Secrets by name only below admin", async () => {
    const { resources } = await run();
    const roles = inNs(resources, ROLE, "mlops-data-science");
    expect(roles.map((r) => meta(r)["name"]).sort()).toEqual(["mlops-admin", "mlops-data-scientist", "mlops-ml-engineer", "mlops-model-reviewer"]);
    type Rule = { apiGroups: string[]; resources: string[]; verbs: string[]; resourceNames?: string[] };
    const rules = (name: string) => (roles.find((r) => meta(r)["name"] === name)?.inputs["rules"] ?? []) as Rule[];
    const can = (name: string, group: string, resource: string, verb: string) => rules(name).some((r) => r.apiGroups.includes(group) && r.resources.includes(resource) && r.verbs.includes(verb) && !r.resourceNames);
    for (const r of byType(resources, ROLE).concat(byType(resources, "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole"))) {
      for (const rule of r.inputs["rules"] as Rule[]) {
        expect(rule.verbs).not.toContain("*");
        expect(rule.resources).not.toContain("*");
        expect(rule.apiGroups).not.toContain("*");
      }
    }
    // model_deploy: ml_engineer and admin only.
    expect(["mlops-ml-engineer", "mlops-data-scientist", "mlops-model-reviewer", "mlops-admin"].map((n) => can(n, "serving.kserve.io", "inferenceservices", "create"))).toEqual([true, false, false, true]);
    // pipeline_execute: not the reviewer.
    expect(["mlops-ml-engineer", "mlops-data-scientist", "mlops-model-reviewer", "mlops-admin"].map((n) => can(n, "argoproj.io", "workflows", "create"))).toEqual([true, true, false, true]);
    expect(can("mlops-data-scientist", "batch", "jobs", "create")).toBe(true);
    // data_access: the data credentials Secret by name, get only; ConfigMaps read.
    for (const n of ["mlops-ml-engineer", "mlops-data-scientist"]) {
      expect(rules(n).filter((r) => r.resources.includes("secrets"))).toEqual([{ apiGroups: [""], resources: ["secrets"], resourceNames: ["data-credentials"], verbs: ["get"] }]);
      expect(can(n, "", "configmaps", "list")).toBe(true);
    }
    expect(rules("mlops-model-reviewer").some((r) => r.resources.includes("secrets") || r.resources.includes("configmaps"))).toBe(false);
    expect(can("mlops-model-reviewer", "serving.kserve.io", "inferenceservices", "get")).toBe(true);
    // system_config: admin only, explicit verbs on secrets, binds people but cannot edit Roles or NetworkPolicies.
    expect(can("mlops-admin", "", "secrets", "update")).toBe(true);
    expect(can("mlops-admin", "rbac.authorization.k8s.io", "rolebindings", "create")).toBe(true);
    expect(can("mlops-admin", "rbac.authorization.k8s.io", "roles", "update")).toBe(false);
    expect(can("mlops-admin", "networking.k8s.io", "networkpolicies", "delete")).toBe(false);
    expect(can("mlops-ml-engineer", "rbac.authorization.k8s.io", "rolebindings", "create")).toBe(false);
  });

  it("binds each Role to its configured groups, by default mlops:<team>:<role>", async () => {
    const { resources } = await run({ teams: [{ ...team, groups: { ml_engineer: ["oidc:ml-eng", "oidc:ml-leads"], model_reviewer: [] } }] });
    const bindings = inNs(resources, BINDING, "mlops-data-science");
    const subjects = Object.fromEntries(bindings.map((b) => [(b.inputs["roleRef"] as Obj)["name"], (b.inputs["subjects"] as Obj[]).map((s) => s["name"])]));
    expect(subjects).toEqual({
      "mlops-ml-engineer": ["oidc:ml-eng", "oidc:ml-leads"],
      "mlops-data-scientist": ["mlops:data-science:data_scientist"],
      "mlops-admin": ["mlops:data-science:admin"],
    });
    for (const b of bindings) {
      expect(b.inputs["roleRef"]).toMatchObject({ apiGroup: "rbac.authorization.k8s.io", kind: "Role" });
      for (const s of b.inputs["subjects"] as Obj[]) expect(s).toMatchObject({ kind: "Group", apiGroup: "rbac.authorization.k8s.io" });
      expect(b.dependencies).toContain(one(resources, ROLE, `${b.name.replace(/-binding$/, "")}`).urn);
    }
  });

  it("lets every team's deployers deploy into serving, reviewers read it, and admins read nodes cluster-wide", async () => {
    const { resources } = await run({ teams: [team, { name: "cv", cpu: 8, memoryGi: 16, groups: { ml_engineer: ["cv-eng"], admin: ["cv-admin"], model_reviewer: ["cv-review"] } }] });
    const serving = Object.fromEntries(inNs(resources, BINDING, "mlops-serving").map((b) => [(b.inputs["roleRef"] as Obj)["name"], (b.inputs["subjects"] as Obj[]).map((s) => s["name"])]));
    expect(serving).toEqual({
      "mlops-model-deploy": ["cv-admin", "cv-eng", "mlops:data-science:admin", "mlops:data-science:ml_engineer"],
      "mlops-model-review": ["cv-review", "mlops:data-science:model_reviewer"],
    });
    const clusterRole = one(resources, "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole");
    expect(clusterRole.inputs["rules"]).toEqual([
      { apiGroups: [""], resources: ["nodes"], verbs: ["get", "list", "watch"] },
      { apiGroups: ["storage.k8s.io"], resources: ["storageclasses"], verbs: ["get", "list", "watch"] },
    ]);
    const crb = one(resources, "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding");
    expect((crb.inputs["subjects"] as Obj[]).map((s) => s["name"])).toEqual(["cv-admin", "mlops:data-science:admin"]);
    expect(crb.inputs["roleRef"]).toEqual({ apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "mlops-team-admin-cluster-read" });
  });

  it("creates no RBAC without teams", async () => {
    const { resources } = await run({ teams: [] });
    expect(resources.filter((r) => r.type.startsWith("kubernetes:rbac"))).toEqual([]);
    expect(byType(resources, NS)).toHaveLength(4);
  });

  it("rejects settings with the config's messages, and wiring that has no effect here", async () => {
    await expect(run({ teams: [team, team] })).rejects.toThrow('teams[1].name: "data-science" is not allowed: team names must be unique');
    await expect(run({ dataServiceCidrs: ["10.0.0.0/16"] })).rejects.toThrow('dataServiceCidrs: ["10.0.0.0/16"] is not allowed; has no effect on kubernetes (clients reach the data namespace); remove it');
    await expect(run({ clusterName: "mlops" })).rejects.toThrow('clusterName: "<set>" is not allowed; has no effect on kubernetes (EKS access entries exist on aws only); remove it');
  });
});
