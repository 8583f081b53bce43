import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

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
