import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const nodeConfig = { shieldedInstanceConfig: { enableSecureBoot: true }, workloadMetadataConfig: { mode: "GKE_METADATA" } };
const good = {
  privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: true },
  databaseEncryption: { state: "ENCRYPTED", keyName: "projects/p/locations/l/keyRings/r/cryptoKeys/k" },
  workloadIdentityConfig: { workloadPool: "p.svc.id.goog" },
  nodePools: [{ name: "default", config: nodeConfig }],
};
const cluster = (inputs: Record<string, unknown>, type = "google-native:container/v1:Cluster") => res(type, "gke", { ...good, ...inputs });
const pool = (config: Record<string, unknown>) => res("google-native:container/v1:NodePool", "gpu", { clusterId: "gke", config });

describe("google-native-container-cluster-private", () => {
  const policy = "google-native-container-cluster-private";

  it("passes private nodes and endpoint", async () => {
    expect(await violations(policy, [cluster({})])).toEqual([]);
  });

  it("flags public nodes and endpoint on v1beta1", async () => {
    expect(await violations(policy, [cluster({ privateClusterConfig: undefined }, "google-native:container/v1beta1:Cluster")])).toEqual([
      "privateClusterConfig.enablePrivateNodes is not true: nodes get public IPs. Set it.",
      "privateClusterConfig.enablePrivateEndpoint is not true: the control plane has a public endpoint. Set it.",
    ]);
  });
});

describe("google-native-container-cluster-secrets-encrypted", () => {
  const policy = "google-native-container-cluster-secrets-encrypted";

  it("passes KMS-encrypted Secrets", async () => {
    expect(await violations(policy, [cluster({})])).toEqual([]);
  });

  it("flags decrypted state", async () => {
    expect(await violations(policy, [cluster({ databaseEncryption: { state: "DECRYPTED" } })])).toEqual([
      'databaseEncryption is not state "ENCRYPTED" with a keyName: Secrets are not encrypted with a Cloud KMS key. Set both.',
    ]);
  });
});

describe("google-native-container-cluster-shielded-nodes", () => {
  const policy = "google-native-container-cluster-shielded-nodes";

  it("passes Secure Boot on every node configuration, and Autopilot", async () => {
    expect(await violations(policy, [cluster({}), pool(nodeConfig), cluster({ autopilot: { enabled: true }, nodePools: undefined })])).toEqual([]);
  });

  it("flags Shielded Nodes off and node configurations without Secure Boot", async () => {
    expect(await violations(policy, [cluster({ shieldedNodes: { enabled: false }, nodePools: undefined, nodeConfig: {} }), pool({})])).toEqual([
      "shieldedNodes.enabled is false: nodes are not Shielded VMs. Remove it (the default is on).",
      "nodeConfig.shieldedInstanceConfig.enableSecureBoot is not true (the default is false): nodes boot unverified software. Set it.",
      "config.shieldedInstanceConfig.enableSecureBoot is not true (the default is false): nodes boot unverified software. Set it.",
    ]);
  });
});

describe("google-native-container-cluster-workload-identity", () => {
  const policy = "google-native-container-cluster-workload-identity";

  it("passes Workload Identity with the GKE metadata server", async () => {
    expect(await violations(policy, [cluster({}), pool(nodeConfig)])).toEqual([]);
  });

  it("flags no workload pool and node pools exposing the node's metadata", async () => {
    expect(await violations(policy, [cluster({ workloadIdentityConfig: undefined, nodePools: [{ name: "cpu", config: {} }] })])).toEqual([
      "workloadIdentityConfig.workloadPool is not set: Pods authenticate as the node's service account. Set it to PROJECT.svc.id.goog.",
      'nodePools[0] (cpu).config.workloadMetadataConfig.mode is not "GKE_METADATA": Pods can reach the node\'s metadata server and its service account. Set it.',
    ]);
  });
});
