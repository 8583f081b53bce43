import { describe, expect, it } from "@jest/globals";
import { res, runPolicy, unknown, via, violations } from "../../testing";

const SECRET = "kubernetes:core/v1:Secret";
const RANDOM = "random:index/randomPassword:RandomPassword";

describe("kubernetes-core-secret-no-plaintext-data", () => {
  const policy = "kubernetes-core-secret-no-plaintext-data";

  it("passes a Secret whose values are secret (also under keys with dots) or generated", async () => {
    const password = res(RANDOM, "pw", { length: 24 });
    const resources = [
      res(SECRET, "tls", { data: { "tls.crt": "Y2VydA==", "tls.key": "a2V5" } }, { secretPaths: ["data.tls.crt", "data.tls.key"] }),
      res(SECRET, "whole", { stringData: { a: "1", b: "2" } }, { secretPaths: ["stringData"] }),
      password,
      via(res(SECRET, "db", { stringData: { password: "generated" } }), "stringData", password),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("flags a Secret with a plaintext stringData value", async () => {
    const secret = res(SECRET, "api", { stringData: { token: "abc123", url: "https://x" } }, { secretPaths: ["stringData.url"] });
    expect(await violations(policy, [secret])).toEqual([
      "api: stringData.token is not a secret. Use config.requireSecret(), pulumi.secret(), or generate it (random.RandomPassword, a managed secret).",
    ]);
  });
});

const NAMESPACE = "kubernetes:core/v1:Namespace";
const QUOTA = "kubernetes:core/v1:ResourceQuota";
const SERVICE = "kubernetes:core/v1:Service";
const CONFIG_MAP = "kubernetes:core/v1:ConfigMap";
const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const PROVIDER = "pulumi:providers:kubernetes";
const teamNamespace = (name: unknown, logical = String(name)) => res(NAMESPACE, logical, { metadata: { name, labels: { "mlops.platform/team": logical } } });
const quotaIn = (namespace: unknown, hard: Record<string, unknown> = { "requests.cpu": "16", "requests.memory": "64Gi" }) =>
  res(QUOTA, `${String(namespace)}-quota`, { metadata: { name: "team-quota", namespace }, spec: { hard } });

describe("kubernetes-core-team-namespace-resource-quota", () => {
  const policy = "kubernetes-core-team-namespace-resource-quota";

  it("passes team namespaces with a quota (one matched by dependency while names are unknown) and ignores unlabelled namespaces", async () => {
    const ml = teamNamespace(unknown, "ml");
    const resources = [
      teamNamespace("data"),
      quotaIn("data"),
      ml,
      via(quotaIn(unknown), "metadata", ml),
      res(NAMESPACE, "ingress", { metadata: { name: "ingress", labels: { "mlops.platform/tier": "dev" } } }),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("flags a team namespace without a quota, whose only quota limits nothing, or whose quota is in another namespace", async () => {
    const resources = [teamNamespace("data"), teamNamespace("ml"), quotaIn("ml", {}), teamNamespace("vision"), quotaIn("data-archive")];
    expect(await violations(policy, resources)).toEqual([
      "Team namespace data (label mlops.platform/team) has no ResourceQuota with spec.hard limits.",
      "Team namespace ml (label mlops.platform/team) has no ResourceQuota with spec.hard limits.",
      "Team namespace vision (label mlops.platform/team) has no ResourceQuota with spec.hard limits.",
    ]);
  });
});

/** A Kubernetes provider with the given inputs; resources point at it with `{ provider: k8s.urn }`. */
const provider = (inputs: Record<string, unknown>, name = "k8s") => res(PROVIDER, name, inputs, { id: `${name}-id` });
const kubeconfigJson = (namespace?: string) =>
  JSON.stringify({
    apiVersion: "v1",
    clusters: [{ name: "eks", cluster: { server: "https://eks.example" } }],
    contexts: [{ name: "aws", context: { cluster: "eks", user: "aws", ...(namespace ? { namespace } : {}) } }],
    "current-context": "aws",
    users: [{ name: "aws", user: {} }],
  });
const configMap = (name: string, namespace?: unknown, extra: Partial<ReturnType<typeof res>> = {}) =>
  res(CONFIG_MAP, name, { metadata: { name, ...(namespace === undefined ? {} : { namespace }) }, data: { a: "1" } }, extra);

describe("kubernetes-core-no-default-namespace", () => {
  const policy = "kubernetes-core-no-default-namespace";

  it("passes objects in a team namespace, in the provider's namespace, or behind a kubeconfig it cannot read (a path)", async () => {
    const scoped = provider({ namespace: "ml" }, "scoped");
    const teamContext = provider({ kubeconfig: kubeconfigJson("ml") }, "team-context");
    const fromFile = provider({ kubeconfig: "/etc/kube/team-ml.yaml" }, "from-file");
    const resources = [
      scoped,
      teamContext,
      fromFile,
      res(DEPLOYMENT, "api", { metadata: { namespace: "ml" }, spec: { selector: {}, template: { spec: { containers: [] } } } }),
      configMap("from-provider", undefined, { provider: `${scoped.urn}::${scoped.id}` }),
      configMap("from-context", undefined, { provider: `${teamContext.urn}::${teamContext.id}` }),
      configMap("from-file", undefined, { provider: `${fromFile.urn}::${fromFile.id}` }),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("flags a workload without namespace whose provider pins none (ambient kubeconfig, default unless the context names another)", async () => {
    const ambient = provider({}, "ambient");
    const deployment = res(DEPLOYMENT, "web", { metadata: {}, spec: { selector: {}, template: { spec: { containers: [] } } } }, { provider: `${ambient.urn}::${ambient.id}` });
    const after = ': the object lands in the namespace of the kubeconfig context that runs the update, "default" unless that context names another. Set metadata.namespace (or the provider\'s namespace).';
    expect(await violations(policy, [ambient, deployment, configMap("no-provider")])).toEqual([
      `metadata.namespace is unset and provider ambient sets neither namespace nor kubeconfig${after}`,
      `metadata.namespace is unset and no provider sets a namespace${after}`,
    ]);
  });

  it('flags a Service in namespace "default"', async () => {
    const service = res(SERVICE, "api", { metadata: { namespace: "default" }, spec: { ports: [{ port: 80 }] } });
    expect(await violations(policy, [service])).toEqual(['metadata.namespace is "default".']);
  });

  it("flags an object without namespace whose provider's kubeconfig context names none (JSON) or that names none at all (YAML)", async () => {
    const eks = provider({ kubeconfig: kubeconfigJson() }, "eks");
    const yaml = provider({ kubeconfig: "apiVersion: v1\nclusters:\n- name: gke\ncontexts:\n- name: gke\n  context:\n    cluster: gke\ncurrent-context: gke\n" }, "gke");
    const resources = [eks, yaml, configMap("settings", undefined, { provider: `${eks.urn}::${eks.id}` }), configMap("flags", "", { provider: yaml.urn })];
    expect(await violations(policy, resources)).toEqual([
      'metadata.namespace is unset and provider eks sets no namespace and its kubeconfig context "aws" gives "default".',
      'metadata.namespace is unset and provider gke sets no namespace and its kubeconfig gives "default".',
    ]);
  });

  it("reports a provider kubeconfig that is unknown during preview as not evaluated, not as a violation", async () => {
    const eks = provider({ kubeconfig: unknown }, "eks");
    const result = await runPolicy(policy, [eks, configMap("settings", undefined, { provider: eks.urn })]);
    expect(result.violations).toEqual([]);
    expect(result.indeterminate.map((v) => v.resourceName)).toEqual(["settings"]);
  });
});

const loadBalancer = (annotations?: Record<string, string>) =>
  res(SERVICE, "api", { metadata: { name: "api", namespace: "ml", ...(annotations ? { annotations } : {}) }, spec: { type: "LoadBalancer", ports: [{ port: 443 }] } });

describe("kubernetes-core-no-public-load-balancer", () => {
  const policy = "kubernetes-core-no-public-load-balancer";

  it("passes LoadBalancer Services with an internal annotation on AWS and GKE, and a ClusterIP Service", async () => {
    const resources = [
      loadBalancer({ "service.beta.kubernetes.io/aws-load-balancer-internal": "true" }),
      loadBalancer({ "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal", "service.beta.kubernetes.io/aws-load-balancer-type": "external" }),
      loadBalancer({ "networking.gke.io/load-balancer-type": "Internal" }),
      loadBalancer({ "cloud.google.com/load-balancer-type": "Internal" }),
      res(SERVICE, "cluster-ip", { metadata: { namespace: "ml" }, spec: { ports: [{ port: 80 }] } }),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("flags a LoadBalancer Service without an internal annotation", async () => {
    expect(await violations(policy, [loadBalancer(), loadBalancer({ "networking.gke.io/load-balancer-type": "External" })])).toEqual([
      "The LoadBalancer Service has no internal load balancer annotation: the cloud provisions an internet-facing load balancer.",
      "The LoadBalancer Service has no internal load balancer annotation: the cloud provisions an internet-facing load balancer.",
    ]);
  });

  it("flags an internet-facing AWS scheme even next to the legacy internal annotation", async () => {
    const service = loadBalancer({ "service.beta.kubernetes.io/aws-load-balancer-scheme": "internet-facing", "service.beta.kubernetes.io/aws-load-balancer-internal": "true" });
    expect(await violations(policy, [service])).toEqual([
      'The LoadBalancer Service sets service.beta.kubernetes.io/aws-load-balancer-scheme "internet-facing": its load balancer faces the internet.',
    ]);
  });
});

const service = (spec: Record<string, unknown>) => res("kubernetes:core/v1:Service", "svc", { metadata: { namespace: "team-a" }, spec });

describe("kubernetes-core-service-no-external-ips", () => {
  const policy = "kubernetes-core-service-no-external-ips";

  it("passes Services without externalIPs", async () => {
    expect(await violations(policy, [service({ type: "ClusterIP", ports: [{ port: 80 }] })])).toEqual([]);
    expect(await violations(policy, [service({ externalIPs: [] })])).toEqual([]);
  });

  it("flags externalIPs", async () => {
    expect(await violations(policy, [service({ type: "ClusterIP", externalIPs: ["203.0.113.10", "203.0.113.11"] })])).toEqual([
      "spec.externalIPs is 203.0.113.10, 203.0.113.11: remove it and expose the Service through an internal LoadBalancer or the platform's ingress.",
    ]);
  });
});
