import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { evaluatePolicies } from "@mlops/policy/rules";
import { MODELLED_COMPONENTS, MODELLED_COMPONENT_SUMMARIES, byType, one, runWithMocks } from "../index";

const base = { project: "proj", stack: "dev" };

const MANIFEST = `
apiVersion: v1
kind: Namespace
metadata:
  name: agents
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
  namespace: agents
spec:
  selector: { matchLabels: { app: node-agent } }
  template:
    metadata: { labels: { app: node-agent } }
    spec:
      hostNetwork: true
      containers:
        - name: agent
          image: example/agent:1.0
          securityContext: { privileged: true }
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports: [{ port: 80 }]
---
apiVersion: v1
kind: Secret
metadata: { name: token, namespace: agents }
stringData: { token: abc }
---
`;

describe("model: kubernetes yaml/v2 ConfigGroup and ConfigFile", () => {
  it("records each object as the provider registers it: type from apiVersion/kind, <prefix>:<namespace>/<name>, default namespace, secrets", async () => {
    const run = await runWithMocks(() => new k8s.yaml.v2.ConfigGroup("agents", { yaml: MANIFEST, objs: [{ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" } }] }), base);
    const group = one(run.resources, "kubernetes:yaml/v2:ConfigGroup");
    const children = run.resources.filter((r) => r.parent === group.urn);
    expect(children.map((c) => [c.type, c.name])).toEqual([
      ["kubernetes:core/v1:Namespace", "agents:agents"],
      ["kubernetes:apps/v1:DaemonSet", "agents:agents/node-agent"],
      ["kubernetes:core/v1:Service", "agents:default/web"],
      ["kubernetes:core/v1:Secret", "agents:agents/token"],
      // A custom kind with no CRD in the group: its scope is unknown offline, left without a namespace.
      ["kubernetes:example.com/v1:Widget", "agents:w"],
    ]);
    for (const c of children) expect(c).toMatchObject({ modelled: true, custom: true, provider: group.provider });
    const daemonSet = one(run.resources, "kubernetes:apps/v1:DaemonSet");
    expect(daemonSet.urn).toBe("urn:pulumi:dev::proj::kubernetes:yaml/v2:ConfigGroup$kubernetes:apps/v1:DaemonSet::agents:agents/node-agent");
    expect(daemonSet.dependencies).toEqual([one(run.resources, "kubernetes:core/v1:Namespace").urn]);
    expect(one(run.resources, "kubernetes:core/v1:Service").inputs["metadata"]).toEqual({ name: "web", namespace: "default" });
    expect(one(run.resources, "kubernetes:core/v1:Secret").secretPaths).toEqual(["stringData"]);
    expect(group.outputs["resources"]).toEqual(children.map((c) => c.id));
  });

  it("puts namespaced objects without a namespace in the provider's namespace, and registers them through that provider", async () => {
    const run = await runWithMocks(() => {
      const provider = new k8s.Provider("team", { namespace: "team-a" });
      new k8s.yaml.v2.ConfigGroup("svc", { yaml: "apiVersion: v1\nkind: Service\nmetadata: { name: web }\n" }, { provider });
    }, base);
    const service = one(run.resources, "kubernetes:core/v1:Service");
    expect(service.name).toBe("svc:team-a/web");
    expect(service.provider?.startsWith(one(run.resources, "pulumi:providers:kubernetes", "team").urn)).toBe(true);
  });

  it("lets the policies see a privileged hostNetwork pod inside the group", async () => {
    const run = await runWithMocks(() => new k8s.yaml.v2.ConfigGroup("agents", { yaml: MANIFEST }), base);
    const { violations } = await evaluatePolicies(run.resources, { enforcementLevel: "mandatory" });
    const on = (policy: string) => violations.filter((v) => v.policyName === policy).map((v) => v.resourceName);
    expect(on("kubernetes-pod-no-privileged-containers")).toEqual(["agents:agents/node-agent"]);
    expect(on("kubernetes-pod-no-host-namespaces")).toEqual(["agents:agents/node-agent"]);
  });

  describe("files", () => {
    let dir: string;
    let cwd: string;
    beforeAll(() => {
      cwd = process.cwd();
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "k8s-yaml-model-"));
      fs.mkdirSync(path.join(dir, "manifests"));
      fs.writeFileSync(path.join(dir, "manifests", "b.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: b }\n");
      fs.writeFileSync(path.join(dir, "manifests", "a.yaml"), "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: { name: a, namespace: x }\n");
      fs.writeFileSync(path.join(dir, "manifests", "skip.txt"), "not yaml: [");
      process.chdir(dir);
    });
    afterAll(() => {
      process.chdir(cwd);
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it("reads globs relative to the program's directory, sorted, lists expanded; resourcePrefix replaces the name", async () => {
      const run = await runWithMocks(() => new k8s.yaml.v2.ConfigGroup("cfg", { files: ["manifests/*.yaml"], resourcePrefix: "p" }), base);
      expect(byType(run.resources, "kubernetes:core/v1:ConfigMap").map((c) => c.name)).toEqual(["p:x/a", "p:default/b"]);
    });

    it("ConfigFile: one file; an empty resourcePrefix means no prefix; in a preview the objects are still known", async () => {
      const run = await runWithMocks(() => new k8s.yaml.v2.ConfigFile("one", { file: "manifests/b.yaml", resourcePrefix: "" }), { ...base, preview: true });
      const map = one(run.resources, "kubernetes:core/v1:ConfigMap");
      expect(map).toMatchObject({ name: "default/b", modelled: true, parent: one(run.resources, "kubernetes:yaml/v2:ConfigFile").urn });
      expect(map.inputs).toEqual({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "b", namespace: "default" } });
      expect(map.id).toBeUndefined();
    });

    it("a missing file fails the plan naming it, as the provider fails the deployment", async () => {
      await expect(runWithMocks(() => new k8s.yaml.v2.ConfigFile("gone", { file: "manifests/missing.yaml" }), base)).rejects.toThrow(/manifests\/missing\.yaml/);
    });
  });
});

// In this file too (it loads the same SDKs): the remote components that stay unverified.
/** A multi-language component no model knows, as a provider SDK declares one. */
class Widget extends pulumi.ComponentResource {
  constructor(name: string, args: Record<string, unknown>, opts?: pulumi.ComponentResourceOptions) {
    super("acme:index:Widget", name, args, opts, true);
  }
}

describe("remote components without a model", () => {
  it("a Helm v4 Chart is unverified: the chart is rendered at deploy time", async () => {
    const run = await runWithMocks(() => new k8s.helm.v4.Chart("ingress", { chart: "ingress-nginx", repositoryOpts: { repo: "https://kubernetes.github.io/ingress-nginx" } }), base);
    const chart = one(run.resources, "kubernetes:helm.sh/v4:Chart");
    expect(chart.remote).toBe(true);
    expect(chart.unverified).toMatch(/rendered by the provider at deploy time/);
    expect(run.resources.filter((r) => r.parent === chart.urn)).toEqual([]);
  });

  it("a Helm v3 Release is unverified (installed by the provider); a `.get` read is recorded as a read", async () => {
    const run = await runWithMocks(() => {
      new k8s.helm.v3.Release("db", { chart: "postgresql", repositoryOpts: { repo: "https://charts.bitnami.com/bitnami" } });
      k8s.core.v1.Service.get("existing", "default/wordpress");
    }, base);
    expect(one(run.resources, "kubernetes:helm.sh/v3:Release").unverified).toMatch(/rendered and installed by the provider at deploy time/);
    const read = one(run.resources, "kubernetes:core/v1:Service");
    expect([read.read, read.unverified]).toEqual([true, undefined]);
  });

  it("an unknown remote component is unverified, naming its type; a local component is not", async () => {
    const run = await runWithMocks(() => {
      new Widget("w", { size: 3 });
      new pulumi.ComponentResource("acme:index:Local", "l", {});
    }, { ...base, preview: true });
    expect(one(run.resources, "acme:index:Widget").unverified).toBe("no model of the remote component acme:index:Widget: the offline plan cannot know the resources its provider creates, so no policy saw them");
    expect(one(run.resources, "acme:index:Local").unverified).toBeUndefined();
  });

  it("lists the modelled components, each with what it records", () => {
    expect(MODELLED_COMPONENTS).toEqual(["awsx:ec2:Vpc", "awsx:ecr:Image", "awsx:ecr:Repository", "awsx:ecs:FargateService", "awsx:lb:ApplicationLoadBalancer", "eks:index:Cluster", "kubernetes:yaml/v2:ConfigFile", "kubernetes:yaml/v2:ConfigGroup"]);
    for (const t of MODELLED_COMPONENTS) expect(MODELLED_COMPONENT_SUMMARIES[t]?.length).toBeGreaterThan(20);
  });
});
