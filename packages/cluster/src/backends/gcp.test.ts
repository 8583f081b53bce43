import { describe, expect, it, jest } from "@jest/globals";
import { byType, one, runWithMocks } from "@mlops/testing";
import type { RecordedResource } from "@mlops/testing";
import type { ClusterArgs } from "../types";

// A GCP stack must never load the AWS SDKs (the component requires backends lazily).
jest.mock("@pulumi/aws", () => { throw new Error("@pulumi/aws loaded by a gcp Cluster"); });
jest.mock("@pulumi/eks", () => { throw new Error("@pulumi/eks loaded by a gcp Cluster"); });
const { Cluster } = require("../cluster") as typeof import("../cluster");

const tags = { project: "mlops" };
const gcpNetwork = { project: "mlops-proj", region: "us-central1", networkId: "net-link", subnetworkId: "subnet-link", podsRangeName: "pods", servicesRangeName: "services" };

function run(extra: Partial<ClusterArgs> = {}, tier: "dev" | "prod" = "prod") {
  return runWithMocks(() => {
    const c = new Cluster("cluster", { backend: "gcp", tier, tags, placement: {}, gcpNetwork, ...extra });
    return { pool: c.workloadPool, identity: c.workloadIdentity, sa: c.nodeServiceAccount, kubeconfig: c.kubeconfig };
  }, { project: "mlops-platform", stack: tier });
}
const gke = (rs: RecordedResource[]) => one(rs, "gcp:container/cluster:Cluster");
const pool = (rs: RecordedResource[], kind: string) => one(rs, "gcp:container/nodePool:NodePool", `cluster-${kind}`);

describe("Cluster on gcp (GKE)", () => {
  it("is private, VPC-native on the network's ranges, with Workload Identity, Dataplane V2, Shielded nodes and no legacy auth", async () => {
    const { resources, stackOutputs } = await run();
    expect(gke(resources).inputs).toMatchObject({
      location: "us-central1", network: "net-link", subnetwork: "subnet-link", networkingMode: "VPC_NATIVE",
      ipAllocationPolicy: { clusterSecondaryRangeName: "pods", servicesSecondaryRangeName: "services" },
      privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: true },
      masterAuthorizedNetworksConfig: { cidrBlocks: [] },
      masterAuth: { clientCertificateConfig: { issueClientCertificate: false } },
      removeDefaultNodePool: true, initialNodeCount: 1,
      workloadIdentityConfig: { workloadPool: "mlops-proj.svc.id.goog" },
      datapathProvider: "ADVANCED_DATAPATH", enableShieldedNodes: true, enableLegacyAbac: false,
      releaseChannel: { channel: "STABLE" }, minMasterVersion: "1.33", deletionProtection: true,
      loggingConfig: { enableComponents: expect.arrayContaining(["SYSTEM_COMPONENTS", "APISERVER"]) },
    });
    expect(gke(resources).protect).toBe(true);
    expect(stackOutputs).toMatchObject({ pool: "mlops-proj.svc.id.goog", identity: "gke-workload-identity" });
  });

  it("authorises only the given CIDRs when a public endpoint is asked for", async () => {
    const { resources } = await run({ publicAccessCidrs: ["203.0.113.0/24"] });
    expect(gke(resources).inputs).toMatchObject({ privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: false }, masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "203.0.113.0/24" }], gcpPublicCidrsAccessEnabled: false } });
  });

  it("encrypts Secrets with a customer key the GKE service agent was granted first", async () => {
    const { resources } = await run();
    const key = one(resources, "gcp:kms/cryptoKey:CryptoKey");
    const agent = one(resources, "gcp:projects/serviceIdentity:ServiceIdentity");
    const grant = one(resources, "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember");
    expect(agent.inputs["service"]).toBe("container.googleapis.com");
    expect(gke(resources).inputs["databaseEncryption"]).toEqual({ state: "ENCRYPTED", keyName: key.id });
    expect(gke(resources).dependencies).toContain(grant.urn);
  });

  it("runs autoscaled pools on a least-privilege node service account, GKE metadata server, Secure Boot and integrity monitoring", async () => {
    const { resources } = await run();
    const sa = one(resources, "gcp:serviceaccount/account:Account");
    expect(byType(resources, "gcp:projects/iAMMember:IAMMember").map((m) => m.inputs["role"]).sort()).toEqual(["roles/artifactregistry.reader", "roles/logging.logWriter", "roles/monitoring.metricWriter", "roles/monitoring.viewer"]);
    for (const kind of ["system", "workload"]) {
      expect(pool(resources, kind).inputs).toMatchObject({
        management: { autoRepair: true, autoUpgrade: true },
        nodeConfig: { serviceAccount: sa.outputs["email"], workloadMetadataConfig: { mode: "GKE_METADATA" }, shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true } },
      });
    }
    expect(pool(resources, "system").inputs).toMatchObject({ nodeConfig: { taints: [{ key: "CriticalAddonsOnly", value: "true", effect: "NO_SCHEDULE" }] } });
    expect(pool(resources, "workload").inputs).toMatchObject({ autoscaling: { totalMinNodeCount: 3, totalMaxNodeCount: 10 }, initialNodeCount: 1, nodeConfig: { machineType: "n2-standard-4", spot: false } });
    expect(byType(resources, "gcp:container/nodePool:NodePool")).toHaveLength(2);
  });

  it("adds a GPU pool from zero with the accelerator, GKE-installed drivers and the nvidia taint when a team asks for GPUs", async () => {
    const { resources } = await run({ teams: [{ name: "ds", gpu: 2 }] }, "dev");
    expect(pool(resources, "gpu").inputs).toMatchObject({
      initialNodeCount: 0, autoscaling: { totalMinNodeCount: 0, totalMaxNodeCount: 2 },
      nodeConfig: { machineType: "n1-standard-4", guestAccelerators: [{ type: "nvidia-tesla-t4", count: 1, gpuDriverInstallationConfig: { gpuDriverVersion: "DEFAULT" } }], taints: [{ key: "nvidia.com/gpu", value: "true", effect: "NO_SCHEDULE" }] },
    });
    expect(pool(resources, "workload").inputs).toMatchObject({ nodeConfig: { spot: true } });
    expect(gke(resources).inputs["deletionProtection"]).toBe(false);
    // GKE runs its own device plugin once it has installed the driver: the platform deploys none.
    expect(byType(resources, "kubernetes:apps/v1:DaemonSet")).toEqual([]);
  });

  it("lets GKE create the secondary ranges when the network names none", async () => {
    const { podsRangeName: _p, servicesRangeName: _s, ...plain } = gcpNetwork;
    const { resources } = await run({ gcpNetwork: plain });
    expect(gke(resources).inputs["ipAllocationPolicy"]).toEqual({ clusterIpv4CidrBlock: "/14", servicesIpv4CidrBlock: "/20" });
  });

  it("builds a kubeconfig that authenticates through gke-gcloud-auth-plugin, secret, for its provider", async () => {
    const { resources, secretOutputs } = await run();
    const kubeconfig = JSON.parse(String(one(resources, "pulumi:providers:kubernetes", "cluster-k8s").inputs["kubeconfig"])) as { users: { user: { exec: { command: string } } }[]; clusters: { cluster: { server: string } }[] };
    expect(kubeconfig.users[0]?.user.exec.command).toBe("gke-gcloud-auth-plugin");
    expect(kubeconfig.clusters[0]?.cluster.server).toMatch(/^https:\/\//);
    expect(secretOutputs).toContain("kubeconfig");
  });
});
