import { describe, expect, it } from "@jest/globals";
import { childrenOf, one, runWithMocks } from "@mlops/testing";
import { Cache } from "../cache";
import type { CacheArgs } from "../types";

const tags = { project: "mlops", stack: "local", tier: "dev", "managed-by": "pulumi", "cost-center": "ml" };
const placement = { kubernetes: { namespace: "mlops-data" } };
const args = (extra: Partial<CacheArgs> = {}): CacheArgs => ({ backend: "kubernetes", tier: "dev", tags, placement, ...extra });

function plan(extra: Partial<CacheArgs> = {}, preview = false) {
  return runWithMocks(
    () => {
      const c = new Cache("online", args(extra));
      return { host: c.host, port: c.port, tls: c.tls, caCertificate: c.caCertificate, authToken: c.authToken, connectionUrl: c.connectionUrl };
    },
    { project: "mlops-platform", stack: "local", preview },
  );
}

const STS = "kubernetes:apps/v1:StatefulSet";
const SECRET = "kubernetes:core/v1:Secret";
const SERVICE = "kubernetes:core/v1:Service";
const NETPOL = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
const PDB = "kubernetes:policy/v1:PodDisruptionBudget";
const service = (resources: Awaited<ReturnType<typeof plan>>["resources"]) => one(resources, SERVICE, "online-redis-service");

interface Container {
  image: string;
  args: string[];
  env: { name: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  securityContext: Record<string, unknown>;
  resources: { requests: Record<string, string>; limits: Record<string, string> };
  livenessProbe: { exec: { command: string[] } };
  readinessProbe: { exec: { command: string[] } };
}
interface StatefulSetSpec {
  replicas: number;
  serviceName: string;
  template: { metadata: { labels: Record<string, string> }; spec: { securityContext: Record<string, unknown>; containers: Container[]; automountServiceAccountToken: boolean; hostNetwork?: boolean } };
  volumeClaimTemplates: { spec: { resources: { requests: { storage: string } }; storageClassName?: string } }[];
  persistentVolumeClaimRetentionPolicy: Record<string, string>;
}
const stsSpec = (inputs: Record<string, unknown>) => inputs.spec as StatefulSetSpec;

describe("Cache on kubernetes", () => {
  it("runs one pinned official Redis with the password from a Secret and AOF on a persistent volume", async () => {
    const { resources } = await plan();
    const spec = stsSpec(one(resources, STS).inputs);
    const secret = one(resources, SECRET);
    const container = spec.template.spec.containers[0];
    expect(spec.replicas).toBe(1);
    expect(container?.image).toBe("redis:7.2.11-alpine");
    expect(container?.args).toEqual(expect.arrayContaining(["--requirepass", "$(REDIS_PASSWORD)", "--appendonly", "yes", "--dir", "/data"]));
    expect(container?.args).toEqual(expect.arrayContaining(["--maxmemory", "768mb"]));
    const secretName = (secret.inputs.metadata as { name: string }).name;
    for (const name of ["REDIS_PASSWORD", "REDISCLI_AUTH"]) {
      expect(container?.env.find((e) => e.name === name)?.valueFrom?.secretKeyRef).toEqual({ name: secretName, key: "password" });
    }
    expect(spec.volumeClaimTemplates[0]?.spec.resources.requests.storage).toBe("10Gi");
    expect(spec.volumeClaimTemplates[0]?.spec.storageClassName).toBeUndefined();
    expect(spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: "Retain", whenScaled: "Retain" });
  });

  it("keeps the generated password secret in the Secret's stringData", async () => {
    const { resources } = await plan();
    const secret = one(resources, SECRET);
    expect((secret.inputs.stringData as { password: string }).password).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(secret.secretPaths.some((p) => p.startsWith("stringData"))).toBe(true);
  });

  it("satisfies Pod Security restricted as the image's redis user, with limits and password-aware ping probes", async () => {
    const { resources } = await plan();
    const pod = stsSpec(one(resources, STS).inputs).template.spec;
    const container = pod.containers[0];
    expect(pod.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 999, runAsGroup: 1000, fsGroup: 1000, fsGroupChangePolicy: "OnRootMismatch", seccompProfile: { type: "RuntimeDefault" } });
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.hostNetwork).toBeUndefined();
    expect(container?.securityContext).toMatchObject({ allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, readOnlyRootFilesystem: true, runAsNonRoot: true });
    expect(container?.resources.requests).toEqual({ cpu: "100m", memory: "256Mi" });
    expect(container?.resources.limits).toEqual({ cpu: "1", memory: "1Gi" });
    for (const probe of [container?.livenessProbe, container?.readinessProbe]) {
      expect(probe?.exec.command.join(" ")).toContain("redis-cli -h 127.0.0.1 -p 6379 ping");
    }
  });

  it("admits ingress on 6379 from its own namespace and the client namespaces only", async () => {
    const selector = { "app.kubernetes.io/name": "redis", "app.kubernetes.io/instance": "online" };
    const own = one((await plan()).resources, NETPOL).inputs as { metadata: { namespace: string }; spec: unknown };
    expect(own.metadata.namespace).toBe("mlops-data");
    expect(own.spec).toEqual({ podSelector: { matchLabels: selector }, policyTypes: ["Ingress"], ingress: [{ from: [{ podSelector: {} }], ports: [{ protocol: "TCP", port: 6379 }] }] });
    const withClients = one((await plan({ clientNamespaces: ["mlops-serving"] })).resources, NETPOL).inputs as { spec: { ingress: { from: unknown[] }[] } };
    expect(withClients.spec.ingress[0]?.from).toEqual([{ podSelector: {} }, { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "mlops-serving" } } }]);
  });

  it("serves 6379 over a ClusterIP Service, and gives the StatefulSet a headless Service for its pod's DNS name", async () => {
    const { resources } = await plan();
    const clusterIp = service(resources).inputs as { metadata: { name: string }; spec: { type: string; ports: unknown[] } };
    const headless = one(resources, SERVICE, "online-redis-headless").inputs as { metadata: { name: string }; spec: { clusterIP: string; ports: unknown[] } };
    expect(clusterIp.spec.type).toBe("ClusterIP");
    expect(clusterIp.spec.ports).toEqual([{ name: "redis", port: 6379, targetPort: "redis", protocol: "TCP" }]);
    expect(headless.spec.clusterIP).toBe("None");
    expect(stsSpec(one(resources, STS).inputs).serviceName).toBe(headless.metadata.name);
  });

  it("keeps a single replica drainable with a PodDisruptionBudget", async () => {
    const pdb = one((await plan()).resources, PDB).inputs as { spec: Record<string, unknown> };
    expect(pdb.spec).toMatchObject({ maxUnavailable: 1, selector: { matchLabels: { "app.kubernetes.io/name": "redis", "app.kubernetes.io/instance": "online" } } });
  });

  it("keeps the first release's physical names and answers its logical names through aliases", async () => {
    const { resources } = await plan();
    const named = (type: string) => (one(resources, type).inputs.metadata as { name: string }).name;
    expect(named(SECRET)).toBe("online-redis-auth");
    expect(named(STS)).toBe("online-redis");
    expect((service(resources).inputs.metadata as { name: string }).name).toBe("online-redis");
    const aliases = (type: string, name?: string) => (name ? one(resources, type, name) : one(resources, type)).aliases ?? [];
    const old = (type: string, name: string) => `urn:pulumi:local::mlops-platform::mlops:cache:Cache$${type}::${name}`;
    expect(aliases(SECRET)).toContain(old(SECRET, "online-auth"));
    expect(aliases(SERVICE, "online-redis-service")).toContain(old(SERVICE, "online-service"));
    expect(aliases(STS)).toContain(old(STS, "online-redis"));
    expect(aliases(NETPOL)).toContain(old(NETPOL, "online-netpol"));
  });

  it("labels every object and parents every child to the component", async () => {
    const { resources } = await plan();
    const component = one(resources, "mlops:cache:Cache");
    for (const r of resources.filter((x) => [STS, SECRET, SERVICE, NETPOL, PDB].includes(x.type))) {
      const metadata = r.inputs.metadata as { namespace: string; labels: Record<string, string> };
      expect(metadata.namespace).toBe("mlops-data");
      expect(metadata.labels).toMatchObject({
        "app.kubernetes.io/name": "redis",
        "app.kubernetes.io/instance": "online",
        "app.kubernetes.io/component": "cache",
        "app.kubernetes.io/managed-by": "pulumi",
        "mlops.platform/cost-center": "ml",
      });
    }
    expect(stsSpec(one(resources, STS).inputs).template.metadata.labels["mlops.platform/tier"]).toBe("dev");
    expect(childrenOf(resources, component.urn).map((r) => r.type).sort()).toEqual([STS, NETPOL, PDB, SECRET, SERVICE, SERVICE, "random:index/randomPassword:RandomPassword"].sort());
    expect(resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:") && r.parent !== component.urn).map((r) => r.urn)).toEqual([]);
  });

  it("protects the StatefulSet and its Secret outside dev and sizes the volume, memory and StorageClass", async () => {
    const { resources } = await plan({ tier: "prod", sizeGb: 8, memorySizeGb: 2, engineVersion: "7.4", placement: { kubernetes: { namespace: "mlops-data", storageClass: "standard" } } });
    const sts = one(resources, STS);
    const spec = stsSpec(sts.inputs);
    expect(sts.protect).toBe(true);
    expect(one(resources, SECRET).protect).toBe(true);
    expect(spec.volumeClaimTemplates[0]?.spec).toMatchObject({ storageClassName: "standard", resources: { requests: { storage: "8Gi" } } });
    expect(spec.template.spec.containers[0]?.resources.limits.memory).toBe("2Gi");
    expect(spec.template.spec.containers[0]?.image).toBe("redis:7.4.6-alpine");
  });

  it("leaves dev unprotected", async () => {
    const { resources } = await plan();
    expect(one(resources, STS).protect).toBe(false);
  });

  it("exposes the in-cluster DNS name without TLS and keeps the password and the redis:// URL secret", async () => {
    const { stackOutputs, secretOutputs, resources } = await plan();
    const password = (one(resources, SECRET).inputs.stringData as { password: string }).password;
    const serviceName = (service(resources).inputs.metadata as { name: string }).name;
    expect(stackOutputs).toMatchObject({ host: `${serviceName}.mlops-data.svc.cluster.local`, port: 6379, tls: false, caCertificate: "", authToken: password });
    expect(stackOutputs.connectionUrl).toBe(`redis://:${password}@${serviceName}.mlops-data.svc.cluster.local:6379`);
    expect(secretOutputs).toEqual(expect.arrayContaining(["authToken", "connectionUrl"]));
  });

  it("builds in preview", async () => {
    const { resources } = await plan({ tier: "staging" }, true);
    expect(stsSpec(one(resources, STS).inputs).volumeClaimTemplates[0]?.spec.resources.requests.storage).toBe("20Gi");
  });
});
