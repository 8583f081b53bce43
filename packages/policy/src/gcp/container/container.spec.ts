import { describe, expect, it } from "@jest/globals";
import { res, runPolicy, unknown, violations } from "../../testing";

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

const NODE_POOL = "gcp:container/nodePool:NodePool";
const KEY = "projects/p/locations/us-central1/keyRings/platform/cryptoKeys/gke";
const hardenedNodes = { shieldedInstanceConfig: { enableSecureBoot: true }, workloadMetadataConfig: { mode: "GKE_METADATA" } };
const pool = (nodeConfig?: Record<string, unknown>) => res(NODE_POOL, "workers", { cluster: "gke", nodeCount: 1, ...(nodeConfig ? { nodeConfig } : {}) });
/** A cluster without a default node pool (node pools are separate NodePool resources). */
const cluster = (inputs: Record<string, unknown> = {}) => res(CLUSTER, "gke", { removeDefaultNodePool: true, initialNodeCount: 1, ...inputs });

describe("gcp-container-secrets-encrypted", () => {
  const policy = "gcp-container-secrets-encrypted";

  it("passes a cluster that encrypts Secrets with a Cloud KMS key", async () => {
    expect(await violations(policy, [cluster({ databaseEncryption: { state: "ENCRYPTED", keyName: KEY } })])).toEqual([]);
  });

  it("flags a cluster with database encryption DECRYPTED, and one ENCRYPTED without a key", async () => {
    const resources = [cluster({ databaseEncryption: { state: "DECRYPTED" } }), res(CLUSTER, "keyless", { databaseEncryption: { state: "ENCRYPTED" } })];
    const message = 'databaseEncryption is not state "ENCRYPTED" with a keyName: Secrets are not encrypted with a Cloud KMS key.';
    expect(await violations(policy, resources)).toEqual([message, message]);
  });

  it("counts a key created in the same update (unknown in preview) as set, so the check runs", async () => {
    const result = await runPolicy(policy, [cluster({ databaseEncryption: { state: "ENCRYPTED", keyName: unknown } })]);
    expect([result.violations, result.indeterminate]).toEqual([[], []]);
  });
});

describe("gcp-container-legacy-abac-disabled", () => {
  const policy = "gcp-container-legacy-abac-disabled";

  it("passes a cluster that leaves legacy ABAC at its default (off)", async () => {
    expect(await violations(policy, [cluster(), res(CLUSTER, "explicit", { enableLegacyAbac: false })])).toEqual([]);
  });

  it("flags a cluster with legacy ABAC enabled", async () => {
    expect(await violations(policy, [cluster({ enableLegacyAbac: true })])).toEqual(["enableLegacyAbac is true: the ABAC authorizer grants permissions beyond RBAC."]);
  });
});

describe("gcp-container-shielded-nodes", () => {
  const policy = "gcp-container-shielded-nodes";

  it("passes a cluster with Shielded Nodes by default, a Secure Boot node pool, and an Autopilot cluster", async () => {
    const resources = [cluster(), pool(hardenedNodes), res(CLUSTER, "autopilot", { enableAutopilot: true })];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("flags Shielded Nodes turned off and a default node pool without Secure Boot", async () => {
    expect(await violations(policy, [res(CLUSTER, "gke", { enableShieldedNodes: false, initialNodeCount: 1 })])).toEqual([
      "enableShieldedNodes is false: nodes are not Shielded VMs.",
      "nodeConfig.shieldedInstanceConfig.enableSecureBoot is not true (the default is false): nodes boot unverified software.",
    ]);
  });

  it("flags a NodePool and an inline node pool without Secure Boot", async () => {
    const inline = res(CLUSTER, "inline", { nodePools: [{ name: "cpu", nodeConfig: hardenedNodes }, { name: "gpu", nodeConfig: { machineType: "a2-highgpu-1g" } }] });
    expect(await violations(policy, [pool({ machineType: "e2-standard-4" }), inline])).toEqual([
      "nodeConfig.shieldedInstanceConfig.enableSecureBoot is not true (the default is false): nodes boot unverified software.",
      'nodePools[1] ("gpu").nodeConfig.shieldedInstanceConfig.enableSecureBoot is not true (the default is false): nodes boot unverified software.',
    ]);
  });
});

describe("gcp-container-workload-identity", () => {
  const policy = "gcp-container-workload-identity";

  it("passes a cluster with a workload pool, a node pool on the GKE metadata server, and an Autopilot cluster", async () => {
    const resources = [cluster({ workloadIdentityConfig: { workloadPool: "p.svc.id.goog" } }), pool(hardenedNodes), res(CLUSTER, "autopilot", { enableAutopilot: true })];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("flags a cluster without Workload Identity whose default node pool exposes the node metadata", async () => {
    expect(await violations(policy, [res(CLUSTER, "gke", { initialNodeCount: 1, nodeConfig: { workloadMetadataConfig: { mode: "GCE_METADATA" } } })])).toEqual([
      "workloadIdentityConfig.workloadPool is not set: Pods authenticate as the node's service account.",
      'nodeConfig.workloadMetadataConfig.mode is not "GKE_METADATA": Pods can reach the node\'s metadata server and its service account.',
    ]);
  });

  it("flags a NodePool that does not set the GKE metadata server", async () => {
    expect(await violations(policy, [pool()])).toEqual([
      'nodeConfig.workloadMetadataConfig.mode is not "GKE_METADATA": Pods can reach the node\'s metadata server and its service account.',
    ]);
  });
});

describe("gcp-container-control-plane-logging", () => {
  const policy = "gcp-container-control-plane-logging";

  it("passes a cluster logging system components and the API server", async () => {
    const logged = cluster({ loggingConfig: { enableComponents: ["SYSTEM_COMPONENTS", "APISERVER", "WORKLOADS"] }, loggingService: "logging.googleapis.com/kubernetes" });
    expect(await violations(policy, [logged])).toEqual([]);
  });

  it("flags a cluster that keeps GKE's default components (no API server logs)", async () => {
    expect(await violations(policy, [cluster()])).toEqual(["loggingConfig is not set (GKE then logs SYSTEM_COMPONENTS and WORKLOADS only): enableComponents must include APISERVER."]);
  });

  it('flags a cluster with loggingService "none" and only workload logs', async () => {
    expect(await violations(policy, [cluster({ loggingService: "none", loggingConfig: { enableComponents: ["WORKLOADS"] } })])).toEqual([
      'loggingService is "none": the cluster sends no logs to Cloud Logging.',
      "loggingConfig.enableComponents does not include SYSTEM_COMPONENTS, APISERVER.",
    ]);
  });
});
