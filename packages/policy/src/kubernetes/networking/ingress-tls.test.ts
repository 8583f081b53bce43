import { describe, expect, it } from "@jest/globals";
import { res, runPolicy, unknown, violations } from "../../testing";

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
