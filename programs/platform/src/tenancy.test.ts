// The tenancy registry entry: on local it owns the data namespace the data services are placed in,
// and hands its client namespaces to their NetworkPolicies.
import { describe, expect, it } from "@jest/globals";
import path from "node:path";
import { byType, loadStackConfig, runWithMocks } from "@mlops/testing";
import { main } from "./index";

const root = path.resolve(__dirname, "../../..");
type Obj = Record<string, unknown>;

describe("tenancy entry", () => {
  it("on local places the data services in the tenancy's data namespace and admits ml, serving and team pods", async () => {
    const file = loadStackConfig(root, "local");
    const config = { ...file.config, "mlops-platform:teams": JSON.stringify([{ name: "data-science", cpu: 4, memoryGi: 8 }]) };
    const run = await runWithMocks(main, { project: file.project, stack: "local", config, secretKeys: file.secretKeys });
    expect(run.stackOutputs["dataNamespace"]).toBe("mlops-data");
    expect(run.stackOutputs["teamNamespaces"]).toEqual({ "data-science": "mlops-data-science" });
    const sts = byType(run.resources, "kubernetes:apps/v1:StatefulSet");
    expect(sts.length).toBeGreaterThan(0);
    for (const s of sts) expect((s.inputs["metadata"] as Obj)["namespace"]).toBe("mlops-data");
    const db = byType(run.resources, "kubernetes:networking.k8s.io/v1:NetworkPolicy").find((p) => p.urn.includes("mlops:database:Database$"));
    const from = ((db?.inputs["spec"] as { ingress: { from: Obj[] }[] }).ingress[0]?.from ?? []).map((peer) => JSON.stringify(peer));
    for (const ns of ["mlops-ml", "mlops-serving", "mlops-data-science"]) expect(from).toContain(JSON.stringify({ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": ns } } }));
  });
});
