import { describe, expect, it, jest } from "@jest/globals";
import * as pulumi from "@pulumi/pulumi";
import { one, runWithMocks } from "@mlops/testing";
import type { ClusterArgs } from "../types";

jest.mock("@pulumi/aws", () => { throw new Error("@pulumi/aws loaded by a kubernetes Cluster"); });
jest.mock("@pulumi/gcp", () => { throw new Error("@pulumi/gcp loaded by a kubernetes Cluster"); });
const { Cluster } = require("../cluster") as typeof import("../cluster");

function run(extra: Partial<ClusterArgs> = {}) {
  return runWithMocks(() => {
    const c = new Cluster("cluster", { backend: "kubernetes", tier: "dev", tags: {}, placement: {}, ...extra });
    return { name: c.name, gpu: c.gpuEnabled, identity: c.workloadIdentity };
  }, { project: "mlops-platform", stack: "local" });
}

describe("Cluster on kubernetes (existing cluster)", () => {
  it("creates only the provider, for the Kind context by default, server-side apply on, unreachable clusters not forgotten", async () => {
    const { resources, stackOutputs } = await run();
    const provider = one(resources, "pulumi:providers:kubernetes", "cluster-k8s");
    expect(provider.inputs).toMatchObject({ context: "kind-mlops", enableServerSideApply: "true", deleteUnreachable: "false" });
    expect(resources.filter((r) => r.parent === one(resources, "mlops:cluster:Cluster").urn).map((r) => r.type)).toEqual(["pulumi:providers:kubernetes"]);
    expect(stackOutputs).toEqual({ name: "kind-mlops", gpu: false, identity: "none" });
  });

  it("keeps an earlier provider URN through the aliases it is given", async () => {
    const { resources } = await run({ context: "kind-other", providerAliases: [{ name: "kind", parent: pulumi.rootStackResource }] });
    const provider = one(resources, "pulumi:providers:kubernetes", "cluster-k8s");
    expect(provider.inputs["context"]).toBe("kind-other");
    expect(provider.aliases).toContain("urn:pulumi:local::mlops-platform::pulumi:providers:kubernetes::kind");
  });

  it("rejects GPU and node settings: the existing cluster's nodes are not managed here", async () => {
    await expect(run({ gpu: { enabled: true } })).rejects.toThrow("gpu: {\"enabled\":true} is not allowed on the kubernetes backend: the existing cluster's version, nodes, GPUs and endpoint are not managed by the platform; remove cluster.gpu");
  });

  it("rejects a context on a cloud backend", async () => {
    await expect(runWithMocks(() => { new Cluster("c", { backend: "aws", tier: "dev", tags: {}, placement: {}, context: "kind-mlops", awsNetwork: { vpcId: "v", privateSubnetIds: ["a", "b"] } }); }, { project: "p", stack: "s" }))
      .rejects.toThrow('context: "kind-mlops" is not allowed; only the kubernetes backend uses an existing cluster\'s context; on aws the platform creates the cluster');
  });
});
