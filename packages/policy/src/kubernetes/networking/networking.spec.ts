import { describe, expect, it } from "@jest/globals";
import { res, runPolicy, unknown, via, violations } from "../../testing";

const NAMESPACE = "kubernetes:core/v1:Namespace";
const NETWORK_POLICY = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
const ns = (name: unknown, logical = String(name)) => res(NAMESPACE, logical, { metadata: { name } });
const policyIn = (namespace: unknown, spec: Record<string, unknown>, name = "default-deny") =>
  res(NETWORK_POLICY, `${String(namespace)}-${name}`, { metadata: { name, namespace }, spec });
const denyAll = { podSelector: {}, policyTypes: ["Ingress", "Egress"] };

describe("kubernetes-networking-namespace-default-deny", () => {
  const policy = "kubernetes-networking-namespace-default-deny";

  it("passes a namespace with a default-deny policy, and exempts kube-system", async () => {
    expect(await violations(policy, [ns("data"), policyIn("data", denyAll), ns("kube-system")])).toEqual([]);
  });

  it("passes a policy matched by dependency while the namespace name is unknown (auto-named, preview)", async () => {
    const data = ns(unknown, "data");
    const deny = via(policyIn(unknown, { podSelector: {} }), "metadata", data);
    expect(await violations(policy, [data, deny])).toEqual([]);
  });

  it("places a policy without metadata.namespace in its provider's namespace", async () => {
    const k8s = res("pulumi:providers:kubernetes", "ml-provider", { namespace: "ml" }, { id: "p-1" });
    const deny = res(NETWORK_POLICY, "ml-deny", { metadata: { name: "default-deny" }, spec: denyAll }, { provider: `${k8s.urn}::p-1` });
    expect(await violations(policy, [k8s, ns("ml"), ns("default"), deny])).toEqual(["Namespace default has no default-deny ingress NetworkPolicy."]);
  });

  it("flags a namespace without any NetworkPolicy", async () => {
    expect(await violations(policy, [ns("ml")])).toEqual(["Namespace ml has no default-deny ingress NetworkPolicy."]);
  });

  it("flags a namespace whose only policies allow ingress or select some pods", async () => {
    const resources = [
      ns("ml"),
      policyIn("ml", { podSelector: {}, policyTypes: ["Ingress"], ingress: [{ from: [{ podSelector: {} }] }] }, "allow-same-namespace"),
      policyIn("ml", { podSelector: { matchLabels: { app: "db" } }, policyTypes: ["Ingress"] }, "deny-db"),
      policyIn("ml", { podSelector: {}, policyTypes: ["Egress"] }, "deny-egress"),
    ];
    expect(await violations(policy, resources)).toEqual(["Namespace ml has no default-deny ingress NetworkPolicy."]);
  });

  it("does not let a default-deny policy in another namespace count", async () => {
    expect(await violations(policy, [ns("a"), ns("b"), policyIn("a", denyAll)])).toEqual(["Namespace b has no default-deny ingress NetworkPolicy."]);
  });
});

const ingress = (inputs: Record<string, unknown>, type = "kubernetes:networking.k8s.io/v1:Ingress") =>
  res(type, "web", { metadata: { namespace: "team-a", ...((inputs["metadata"] as object) ?? {}) }, spec: { rules: [{ host: "a.example.com" }], ...((inputs["spec"] as object) ?? {}) } });

describe("kubernetes-networking-ingress-tls", () => {
  const policy = "kubernetes-networking-ingress-tls";

  it("passes spec.tls and load-balancer certificates", async () => {
    expect(
      await violations(policy, [
        ingress({ spec: { tls: [{ hosts: ["a.example.com"], secretName: "a-tls" }] } }),
        { ...ingress({ metadata: { annotations: { "alb.ingress.kubernetes.io/certificate-arn": "arn:aws:acm:eu-west-1:1:certificate/x" } } }), name: "alb", urn: "urn:alb" },
        { ...ingress({ metadata: { annotations: { "networking.gke.io/managed-certificates": "web-cert" } } }, "kubernetes:networking.k8s.io/v1beta1:Ingress"), name: "gke", urn: "urn:gke" },
      ]),
    ).toEqual([]);
  });

  it("flags an Ingress that serves plain HTTP", async () => {
    expect(await violations(policy, [ingress({}, "kubernetes:extensions/v1beta1:Ingress")])).toEqual([
      "The Ingress has no spec.tls and no load-balancer certificate annotation, so it serves plain HTTP: add spec.tls with a certificate Secret (e.g. from cert-manager).",
    ]);
  });

  it("does not judge an Ingress whose tls is unknown during preview", async () => {
    const result = await runPolicy(policy, [ingress({ spec: { tls: unknown } })]);
    expect(result.violations).toEqual([]);
    expect(result.indeterminate).toHaveLength(1);
  });
});
