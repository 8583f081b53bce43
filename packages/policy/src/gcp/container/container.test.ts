import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const CLUSTER = "gcp:container/cluster:Cluster";

describe("gcp-container-private-cluster", () => {
  const policy = "gcp-container-private-cluster";

  it("passes a private cluster with a private endpoint", async () => {
    const cluster = res(CLUSTER, "gke", { privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: true, masterIpv4CidrBlock: "172.16.0.0/28" } });
    expect(await violations(policy, [cluster])).toEqual([]);
  });

  it("flags a cluster with private nodes but a public control-plane endpoint", async () => {
    const cluster = res(CLUSTER, "gke", { privateClusterConfig: { enablePrivateNodes: true } });
    expect(await violations(policy, [cluster])).toEqual(["privateClusterConfig.enablePrivateEndpoint is not true: the control plane has a public endpoint."]);
  });

  it("flags a public cluster", async () => {
    expect(await violations(policy, [res(CLUSTER, "gke", { initialNodeCount: 1 })])).toHaveLength(2);
  });
});
