import { describe, expect, it, jest } from "@jest/globals";
import { one, runWithMocks } from "@mlops/testing";
import type { RecordedResource } from "@mlops/testing";
import { kubernetesLabels } from "@mlops/core";
import type { DatabaseArgs } from "../types";

jest.mock("@pulumi/aws", () => {
  throw new Error("@pulumi/aws loaded by a kubernetes Database");
});
jest.mock("@pulumi/gcp", () => {
  throw new Error("@pulumi/gcp loaded by a kubernetes Database");
});

// Loaded after the mocks above are registered, so a top-level import of another cloud fails here.
const { Database } = require("../database") as typeof import("../database");

const tags = { project: "mlops", "managed-by": "pulumi" };
const placement = { kubernetes: { namespace: "data", storageClass: "standard" } };
const COMPONENT = "mlops:database:Database";
const STS = "kubernetes:apps/v1:StatefulSet";

function run(extra: Partial<DatabaseArgs> = {}, preview = false) {
  return runWithMocks(() => {
    const db = new Database("metadata", { backend: "kubernetes", tier: "dev", tags, placement, ...extra });
    return { host: db.host, port: db.port, password: db.password, connectionString: db.connectionString, nativeKeys: Object.keys(db.native) };
  }, { project: "mlops-platform", stack: "local", preview });
}

type Obj = Record<string, unknown>;
const at = (value: unknown, path: string): unknown => path.split(".").reduce<unknown>((v, k) => (v as Obj | undefined)?.[k], value);
const podSpec = (r: RecordedResource) => at(r.inputs, "spec.template.spec") as Obj;
const container = (r: RecordedResource) => (podSpec(r)["containers"] as Obj[])[0] as Obj;

describe("Database on kubernetes (in-cluster PostgreSQL)", () => {
  it("runs the pinned official Alpine image under the restricted Pod Security profile", async () => {
    const { resources } = await run();
    const sts = one(resources, STS);
    const pod = podSpec(sts);
    const c = container(sts);
    expect(c["image"]).toBe("postgres:16.12-alpine");
    expect(pod["securityContext"]).toEqual({
      runAsNonRoot: true, runAsUser: 70, runAsGroup: 70, fsGroup: 70, fsGroupChangePolicy: "OnRootMismatch", seccompProfile: { type: "RuntimeDefault" },
    });
    expect(c["securityContext"]).toMatchObject({ allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, privileged: false, readOnlyRootFilesystem: true, runAsNonRoot: true });
    expect(pod).toMatchObject({ automountServiceAccountToken: false });
    expect(pod["hostNetwork"]).toBeUndefined();
    expect(c["resources"]).toEqual({ requests: { cpu: "250m", memory: "512Mi" }, limits: { cpu: "1", memory: "1Gi" } });
  });

  it("writes only to the data volume and emptyDirs, with PGDATA in a subdirectory of the mount", async () => {
    const { resources } = await run();
    const sts = one(resources, STS);
    const c = container(sts);
    expect(c["env"]).toEqual(expect.arrayContaining([{ name: "PGDATA", value: "/var/lib/postgresql/data/pgdata" }]));
    expect(c["volumeMounts"]).toEqual([
      { name: "data", mountPath: "/var/lib/postgresql/data" },
      { name: "run", mountPath: "/var/run/postgresql" },
      { name: "tmp", mountPath: "/tmp" },
    ]);
    expect(podSpec(sts)["volumes"]).toEqual([{ name: "run", emptyDir: {} }, { name: "tmp", emptyDir: {} }]);
    expect(at(sts.inputs, "spec.volumeClaimTemplates")).toEqual([
      expect.objectContaining({ spec: { accessModes: ["ReadWriteOnce"], storageClassName: "standard", resources: { requests: { storage: "20Gi" } } } }),
    ]);
    expect(at(sts.inputs, "spec.persistentVolumeClaimRetentionPolicy")).toEqual({ whenDeleted: "Retain", whenScaled: "Retain" });
  });

  it("checks readiness and liveness with pg_isready", async () => {
    const { resources } = await run({ databaseName: "features", username: "feast" });
    const c = container(one(resources, STS));
    const command = ["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-U", "feast", "-d", "features"];
    for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) expect(at(c, `${probe}.exec.command`)).toEqual(command);
  });

  it("feeds the generated password through a Secret's stringData, kept secret", async () => {
    const { resources, stackOutputs, secretOutputs } = await run();
    const secret = one(resources, "kubernetes:core/v1:Secret");
    const password = one(resources, "random:index/randomPassword:RandomPassword");
    expect(secret.inputs["stringData"]).toEqual({ POSTGRES_PASSWORD: password.outputs["result"] });
    expect(secret.secretPaths.some((p) => p === "stringData" || p.startsWith("stringData."))).toBe(true);
    expect(secret.inputs["data"]).toBeUndefined();
    expect(container(one(resources, STS))["env"]).toEqual(expect.arrayContaining([
      { name: "POSTGRES_PASSWORD", valueFrom: { secretKeyRef: { name: "metadata-credentials", key: "POSTGRES_PASSWORD" } } },
    ]));
    expect(secretOutputs).toEqual(expect.arrayContaining(["password", "connectionString"]));
    const encoded = encodeURIComponent(String(password.outputs["result"]));
    expect(stackOutputs).toMatchObject({
      host: "metadata.data.svc.cluster.local",
      port: 5432,
      connectionString: `postgresql://mlops_admin:${encoded}@metadata.data.svc.cluster.local:5432/mlops?sslmode=disable`,
      nativeKeys: ["kubernetes"],
    });
  });

  it("exposes 5432 through a ClusterIP and a headless Service, reachable only from the same namespace", async () => {
    const { resources } = await run();
    const selector = { "app.kubernetes.io/name": "postgresql", "app.kubernetes.io/instance": "metadata" };
    const service = one(resources, "kubernetes:core/v1:Service", "metadata-service");
    const headless = one(resources, "kubernetes:core/v1:Service", "metadata-headless");
    expect(service.inputs["spec"]).toMatchObject({ type: "ClusterIP", selector, ports: [{ port: 5432, targetPort: "postgres", protocol: "TCP" }] });
    expect(headless.inputs["spec"]).toMatchObject({ clusterIP: "None", selector });
    expect(at(one(resources, STS).inputs, "spec.serviceName")).toBe("metadata-headless");
    expect(one(resources, "kubernetes:networking.k8s.io/v1:NetworkPolicy").inputs["spec"]).toEqual({
      podSelector: { matchLabels: selector },
      policyTypes: ["Ingress"],
      ingress: [{ from: [{ podSelector: {} }], ports: [{ protocol: "TCP", port: 5432 }] }],
    });
  });

  it("labels every object in the namespace and parents it to the component", async () => {
    const { resources } = await run();
    const component = one(resources, COMPONENT);
    const objects = resources.filter((r) => r.parent === component.urn && r.type.startsWith("kubernetes:"));
    expect(objects).toHaveLength(6);
    for (const r of objects) {
      expect(at(r.inputs, "metadata.namespace")).toBe("data");
      expect(at(r.inputs, "metadata.labels")).toEqual({
        ...kubernetesLabels(tags), "app.kubernetes.io/name": "postgresql", "app.kubernetes.io/instance": "metadata", "app.kubernetes.io/component": "database",
      });
    }
  });

  it("protects the StatefulSet in staging and prod, not in dev", async () => {
    expect(one((await run()).resources, STS).protect).toBe(false);
    expect(one((await run({ tier: "staging" })).resources, STS).protect).toBe(true);
  });

  it("pins the image of the requested major version and sizes the prod pod from the tier", async () => {
    const { resources } = await run({ engineVersion: "17", tier: "prod" });
    const c = container(one(resources, STS));
    expect(c["image"]).toBe("postgres:17.8-alpine");
    expect(c["resources"]).toEqual({ requests: { cpu: "1", memory: "2Gi" }, limits: { cpu: "2", memory: "4Gi" } });
  });

  it("admits the client namespaces on 5432 besides its own, and keeps a headless Service and a disruption budget", async () => {
    const { resources } = await run({ clientNamespaces: ["ml", "serving"] });
    const policy = one(resources, "kubernetes:networking.k8s.io/v1:NetworkPolicy");
    expect(at(policy.inputs, "spec.ingress")).toEqual([{
      from: [{ podSelector: {} }, { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ml" } } }, { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "serving" } } }],
      ports: [{ protocol: "TCP", port: 5432 }],
    }]);
    const headless = resources.find((r) => r.name === "metadata-headless");
    expect(at(headless?.inputs ?? {}, "spec.clusterIP")).toBe("None");
    expect(at(one(resources, STS).inputs, "spec.serviceName")).toBe(at(headless?.outputs ?? {}, "metadata.name"));
    expect(one(resources, "kubernetes:policy/v1:PodDisruptionBudget")).toBeDefined();
  });

  it("builds in preview", async () => {
    const { resources } = await run({}, true);
    expect(container(one(resources, STS))["image"]).toBe("postgres:16.12-alpine");
  });
});
