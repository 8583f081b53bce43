import { describe, expect, it } from "@jest/globals";
import { childrenOf, one, runWithMocks } from "@mlops/testing";
import { ObjectStore } from "../object-store";
import type { ObjectStoreArgs } from "../types";

const tags = { project: "mlops", stack: "local", tier: "dev", "managed-by": "pulumi", "cost-center": "ml" };
const placement = { kubernetes: { namespace: "mlops-data" } };
const args = (extra: Partial<ObjectStoreArgs> = {}): ObjectStoreArgs => ({ backend: "kubernetes", tier: "dev", tags, placement, ...extra });

function plan(extra: Partial<ObjectStoreArgs> = {}, preview = false, name = "artifacts") {
  return runWithMocks(
    () => {
      const s = new ObjectStore(name, args(extra));
      return { bucketName: s.bucketName, url: s.url, endpoint: s.endpoint, kmsKeyId: s.kmsKeyId, native: Object.keys(s.native) };
    },
    { project: "mlops-platform", stack: "local", preview },
  );
}

const STS = "kubernetes:apps/v1:StatefulSet";
const SECRET = "kubernetes:core/v1:Secret";
const SERVICE = "kubernetes:core/v1:Service";
const NETPOL = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
const JOB = "kubernetes:batch/v1:Job";
const PDB = "kubernetes:policy/v1:PodDisruptionBudget";
const SELECTOR = { "app.kubernetes.io/name": "minio", "app.kubernetes.io/instance": "artifacts" };

interface Container {
  image: string;
  command?: string[];
  args?: string[];
  envFrom: { secretRef: { name: string } }[];
  env: { name: string; value: string }[];
  securityContext: Record<string, unknown>;
  resources: { requests: Record<string, string>; limits: Record<string, string> };
  livenessProbe?: { httpGet: { path: string; port: string } };
  readinessProbe?: { httpGet: { path: string; port: string } };
}
interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: { securityContext: Record<string, unknown>; containers: Container[]; automountServiceAccountToken: boolean; hostNetwork?: boolean; restartPolicy?: string };
}
interface StatefulSetSpec {
  serviceName: string;
  selector: { matchLabels: Record<string, string> };
  template: PodTemplate;
  volumeClaimTemplates: { spec: { resources: { requests: { storage: string } }; storageClassName?: string } }[];
  persistentVolumeClaimRetentionPolicy: Record<string, string>;
}
const stsSpec = (inputs: Record<string, unknown>) => inputs["spec"] as StatefulSetSpec;
const jobPod = (inputs: Record<string, unknown>) => (inputs["spec"] as { template: PodTemplate }).template;
const RESTRICTED_POD = { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, seccompProfile: { type: "RuntimeDefault" } };
const RESTRICTED_CONTAINER = { allowPrivilegeEscalation: false, privileged: false, capabilities: { drop: ["ALL"] }, readOnlyRootFilesystem: true, runAsNonRoot: true };

describe("ObjectStore on kubernetes (MinIO)", () => {
  it("runs pinned MinIO as a restricted, non-root pod with limits, health probes and the console off", async () => {
    const { resources } = await plan();
    const pod = stsSpec(one(resources, STS).inputs).template.spec;
    const [container] = pod.containers;
    expect(pod.securityContext).toMatchObject(RESTRICTED_POD);
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.hostNetwork).toBeUndefined();
    expect(container?.image).toMatch(/^quay\.io\/minio\/minio:RELEASE\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);
    expect(container?.args).toEqual(["server", "/data", "--address", ":9000", "--certs-dir", "/tmp/certs"]);
    expect(container?.env).toContainEqual({ name: "MINIO_BROWSER", value: "off" });
    expect(container?.securityContext).toMatchObject(RESTRICTED_CONTAINER);
    expect(container?.resources).toEqual({ requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "1", memory: "1Gi" } });
    expect(container?.livenessProbe?.httpGet).toEqual({ path: "/minio/health/live", port: "s3" });
    expect(container?.readinessProbe?.httpGet).toEqual({ path: "/minio/health/ready", port: "s3" });
  });

  it("generates the root user and password as secrets and feeds them to MinIO from a Secret", async () => {
    const { resources } = await plan();
    const secret = one(resources, SECRET);
    const data = secret.inputs["stringData"] as Record<string, string>;
    expect(data["MINIO_ROOT_USER"]).toMatch(/^[a-z0-9]{20}$/);
    expect(data["MINIO_ROOT_PASSWORD"]).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(secret.secretPaths.some((p) => p.startsWith("stringData"))).toBe(true);
    const secretName = (secret.inputs["metadata"] as { name: string }).name;
    expect(stsSpec(one(resources, STS).inputs).template.spec.containers[0]?.envFrom).toEqual([{ secretRef: { name: secretName } }]);
    expect(jobPod(one(resources, JOB).inputs).spec.containers[0]?.envFrom).toEqual([{ secretRef: { name: secretName } }]);
  });

  it("creates the versioned bucket with a restricted mc Job once MinIO is up, outside the server's selector", async () => {
    const { resources, stackOutputs } = await plan();
    const job = one(resources, JOB);
    const pod = jobPod(job.inputs);
    const [container] = pod.spec.containers;
    const script = String(container?.command?.[2]);
    expect(container?.image).toMatch(/^quay\.io\/minio\/mc:RELEASE\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);
    expect(script).toContain('mc mb --ignore-existing "store/artifacts"');
    expect(script).toContain('mc version enable "store/artifacts"');
    expect(container?.env).toContainEqual({ name: "ENDPOINT", value: stackOutputs["endpoint"] });
    expect(pod.spec.securityContext).toMatchObject(RESTRICTED_POD);
    expect(container?.securityContext).toMatchObject(RESTRICTED_CONTAINER);
    expect(container?.resources.limits).toEqual({ cpu: "500m", memory: "256Mi" });
    expect(pod.spec.restartPolicy).toBe("OnFailure");
    expect(pod.metadata.labels).not.toMatchObject(stsSpec(one(resources, STS).inputs).selector.matchLabels);
    expect(job.dependencies).toContain(one(resources, STS).urn);
    expect(stackOutputs).toEqual({
      bucketName: "artifacts",
      url: "s3://artifacts",
      endpoint: "http://artifacts-minio.mlops-data.svc.cluster.local:9000",
      kmsKeyId: "",
      native: ["kubernetes"],
    });
  });

  it("suspends bucket versioning when asked", async () => {
    const { resources } = await plan({ versioning: false });
    expect(String(jobPod(one(resources, JOB).inputs).spec.containers[0]?.command?.[2])).toContain('mc version suspend "store/artifacts"');
  });

  it("serves the S3 API only, with a headless Service for the StatefulSet, and admits it from the namespace and the client namespaces only", async () => {
    const { resources } = await plan();
    const service = one(resources, SERVICE, "artifacts-minio-service").inputs as { metadata: { name: string }; spec: { type: string; ports: unknown[] } };
    const headless = one(resources, SERVICE, "artifacts-minio-headless").inputs as { metadata: { name: string }; spec: { clusterIP: string } };
    expect(service.spec.type).toBe("ClusterIP");
    expect(service.spec.ports).toEqual([{ name: "s3", port: 9000, targetPort: "s3", protocol: "TCP" }]);
    expect(headless.spec.clusterIP).toBe("None");
    expect(stsSpec(one(resources, STS).inputs).serviceName).toBe(headless.metadata.name);
    expect(one(resources, NETPOL).inputs["spec"]).toEqual({ podSelector: { matchLabels: SELECTOR }, policyTypes: ["Ingress"], ingress: [{ from: [{ podSelector: {} }], ports: [{ protocol: "TCP", port: 9000 }] }] });
    const clients = await plan({ clientNamespaces: ["mlops-training"] });
    expect((one(clients.resources, NETPOL).inputs["spec"] as { ingress: { from: unknown[] }[] }).ingress[0]?.from).toEqual([
      { podSelector: {} },
      { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "mlops-training" } } },
    ]);
    expect(one(resources, PDB).inputs["spec"]).toMatchObject({ maxUnavailable: 1, selector: { matchLabels: SELECTOR } });
  });

  it("keeps the first release's physical names (the volume claim follows the StatefulSet's) and aliases its logical names", async () => {
    const { resources } = await plan();
    const physical = (type: string, name: string) => (one(resources, type, name).inputs["metadata"] as { name: string }).name;
    expect(physical(SECRET, "artifacts-minio-credentials")).toBe("artifacts-minio-credentials");
    expect(physical(SERVICE, "artifacts-minio-service")).toBe("artifacts-minio");
    expect(physical(STS, "artifacts-minio-statefulset")).toBe("artifacts-minio");
    const old = (type: string, name: string) => `urn:pulumi:local::mlops-platform::mlops:storage:ObjectStore$${type}::${name}`;
    expect(one(resources, SECRET).aliases).toContain(old(SECRET, "artifacts-credentials"));
    expect(one(resources, SERVICE, "artifacts-minio-service").aliases).toContain(old(SERVICE, "artifacts-service"));
    expect(one(resources, STS).aliases).toContain(old(STS, "artifacts-minio"));
    expect(one(resources, NETPOL).aliases).toContain(old(NETPOL, "artifacts-netpol"));
  });

  it("sets the bucket's expiry rules, replacing the earlier ones, and never a transition", async () => {
    const script = async (extra: Partial<ObjectStoreArgs>) => String(jobPod(one((await plan(extra)).resources, JOB).inputs).spec.containers[0]?.command?.[2]);
    const dev = await script({});
    expect(dev).toContain('mc ilm rule rm --all --force "store/artifacts" || true');
    expect(dev).toContain('mc ilm rule add --noncurrent-expire-days 30 "store/artifacts"');
    expect(await script({ expireNoncurrentAfterDays: 7, expireAfterDays: 365 })).toContain('mc ilm rule add --noncurrent-expire-days 7 --expire-days 365 "store/artifacts"');
    expect(dev).not.toContain("transition");
  });

  it("labels every object in the namespace and parents every child to the component", async () => {
    const { resources } = await plan();
    const component = one(resources, "mlops:storage:ObjectStore");
    for (const r of resources.filter((x) => [STS, SECRET, SERVICE, NETPOL, PDB].includes(x.type))) {
      const metadata = r.inputs["metadata"] as { namespace: string; labels: Record<string, string> };
      expect(metadata.namespace).toBe("mlops-data");
      expect(metadata.labels).toMatchObject({
        ...SELECTOR,
        "app.kubernetes.io/component": "object-store",
        "app.kubernetes.io/managed-by": "pulumi",
        "mlops.platform/cost-center": "ml",
      });
    }
    expect(one(resources, JOB).inputs["metadata"]).toMatchObject({ namespace: "mlops-data", labels: { "app.kubernetes.io/name": "minio-mc", "app.kubernetes.io/managed-by": "pulumi" } });
    const custom = resources.filter((r) => r.custom && !r.type.startsWith("pulumi:"));
    expect(custom.map((r) => r.type).sort()).toEqual([STS, SECRET, SERVICE, SERVICE, NETPOL, PDB, JOB, "random:index/randomPassword:RandomPassword", "random:index/randomPassword:RandomPassword"].sort());
    expect(childrenOf(resources, component.urn).map((r) => r.urn).sort()).toEqual(custom.map((r) => r.urn).sort());
  });

  it("sizes the volume from the tier or the args, keeps it on delete and protects the data in prod", async () => {
    const { resources } = await plan();
    const dev = stsSpec(one(resources, STS).inputs);
    expect(dev.volumeClaimTemplates[0]?.spec.resources.requests.storage).toBe("10Gi");
    expect(dev.volumeClaimTemplates[0]?.spec.storageClassName).toBeUndefined();
    expect(dev.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: "Retain", whenScaled: "Retain" });
    expect(one(resources, STS).protect).toBe(false);

    const prod = await plan({ tier: "prod", sizeGb: 25, placement: { kubernetes: { namespace: "mlops-data", storageClass: "encrypted-ssd" } } });
    const sts = one(prod.resources, STS);
    expect(stsSpec(sts.inputs).volumeClaimTemplates[0]?.spec).toMatchObject({ storageClassName: "encrypted-ssd", resources: { requests: { storage: "25Gi" } } });
    expect(sts.protect).toBe(true);
    expect(one(prod.resources, SECRET).protect).toBe(true);
  });

  it("plans in preview", async () => {
    const { resources } = await plan({}, true);
    expect(one(resources, JOB).inputs["metadata"]).toMatchObject({ name: "artifacts-create-bucket" });
  });

  it("rejects a component name too short for an S3 bucket name", async () => {
    await expect(plan({}, false, "a")).rejects.toThrow('name: "a" is not allowed; the MinIO bucket is named after the component and S3 bucket names need 3 to 63 characters');
  });
});
