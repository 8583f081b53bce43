import { describe, expect, it } from "@jest/globals";
import { res, unknown, via, violations } from "../../testing";

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
