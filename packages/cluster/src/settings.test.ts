import { describe, expect, it } from "@jest/globals";
import { clusterCrossIssues, clusterSettings, gpuIssues, resolveSettings, resolveStackConfig, KUBERNETES_VERSIONS } from "@mlops/core";

const issues = (given: unknown, backend: "aws" | "gcp" | "kubernetes" = "aws", tier: "dev" | "staging" | "prod" = "dev") => {
  const r = resolveSettings(clusterSettings, given, { backend, tier });
  return r.ok ? [] : r.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("cluster settings", () => {
  it("offers the Kubernetes minors EKS and GKE both support, and rejects others by name", () => {
    expect(KUBERNETES_VERSIONS).toEqual(["1.31", "1.32", "1.33", "1.34"]);
    expect(issues({ kubernetesVersion: "1.29" })).toEqual(['kubernetesVersion: "1.29" is not allowed; allowed: "1.31", "1.32", "1.33", "1.34"']);
  });

  it("completes per tier: dev workload on Spot, prod 3 x m5.xlarge (seed 002), private endpoint", () => {
    const dev = resolveSettings(clusterSettings, {}, { backend: "aws", tier: "dev" });
    const prod = resolveSettings(clusterSettings, {}, { backend: "aws", tier: "prod" });
    if (!dev.ok || !prod.ok) throw new Error("defaults must be valid");
    expect(dev.value.workload).toMatchObject({ spot: true, desiredSize: 3, instanceTypes: ["m5.xlarge", "m5a.xlarge", "m6i.xlarge"] });
    expect(prod.value.workload).toEqual({ instanceTypes: ["m5.xlarge"], minSize: 3, desiredSize: 3, maxSize: 10, spot: false });
    expect(prod.value.publicAccessCidrs).toEqual([]);
    expect(prod.value.releaseChannel).toBe("STABLE");
  });

  it("rejects an endpoint open to the internet, naming the key", () => {
    expect(issues({ publicAccessCidrs: ["203.0.113.0/24", "0.0.0.0/0"] })).toEqual([
      'publicAccessCidrs.1: "0.0.0.0/0" is not allowed: list the CIDR blocks of your offices or VPN (the API endpoint must never be open to the internet), or leave publicAccessCidrs empty for a private endpoint',
    ]);
    expect(issues({ publicAccessCidrs: ["10.0.0.300/8"] })).toEqual(['publicAccessCidrs.0: "10.0.0.300/8" is not allowed: must be an IPv4 CIDR block such as "203.0.113.0/24"']);
  });

  it("checks node group sizes: min <= desired <= max, at most 450 (EKS nodes per managed node group)", () => {
    expect(issues({ workload: { minSize: 5, maxSize: 4 } })).toEqual([
      "workload.minSize: 5 is not allowed: must be <= workload.maxSize (4)",
      "workload.desiredSize: 3 is not allowed: must be between workload.minSize (5) and workload.maxSize (4)",
    ]);
    expect(issues({ workload: { maxSize: 451 } })).toEqual(["workload.maxSize: 451 is not allowed: must be <= 450"]);
    expect(issues({ system: { minSize: 0, desiredSize: 0 } })).toEqual(["system.minSize: 0 is not allowed: the system nodes run CoreDNS and the autoscaler; use at least 1"]);
  });

  it("checks instance types against the backend", () => {
    expect(issues({ workload: { instanceTypes: ["e2-standard-4"] } })).toEqual(['workload.instanceTypes.0: "e2-standard-4" is not allowed on aws: use an EC2 instance type such as "m5.xlarge"']);
    expect(issues({ workload: { instanceTypes: ["m5.xlarge"] } }, "gcp")).toEqual(['workload.instanceTypes.0: "m5.xlarge" is not allowed on gcp: use a GCE machine type such as "e2-standard-4"']);
    expect(issues({ workload: { instanceTypes: ["e2-standard-4", "n2-standard-4"] } }, "gcp")).toEqual(['workload.instanceTypes: ["e2-standard-4","n2-standard-4"] is not allowed on gcp: a GKE node pool has exactly one machine type']);
    expect(issues({ gpu: { acceleratorType: "nvidia-l4" } })).toEqual(['gpu.acceleratorType: "nvidia-l4" is not allowed on aws: the GPU comes with the instance type (gpu.instanceTypes)']);
    expect(issues({ releaseChannel: "RAPID" })).toEqual(['releaseChannel: "RAPID" is not allowed on aws: release channels are a GKE setting (EKS upgrades follow kubernetesVersion)']);
  });

  it("rejects node, GPU and endpoint settings on the kubernetes backend", () => {
    expect(issues({ gpu: { enabled: true } }, "kubernetes")).toEqual([
      'gpu: {"enabled":true} is not allowed on the kubernetes backend: the existing cluster\'s version, nodes, GPUs and endpoint are not managed by the platform; remove cluster.gpu',
    ]);
    // The existing cluster's version is whatever it runs: setting one would be ignored.
    expect(issues({ kubernetesVersion: "1.33" }, "kubernetes")).toEqual([
      'kubernetesVersion: "1.33" is not allowed on the kubernetes backend: the existing cluster\'s version, nodes, GPUs and endpoint are not managed by the platform; remove cluster.kubernetesVersion',
    ]);
  });

  it("rejects a context off the kubernetes backend and GPU nodes turned off while teams ask for GPUs", () => {
    expect(clusterCrossIssues({ backend: "aws", context: "kind-mlops", teams: [] }).map((i) => i.message)).toEqual([
      '"kind-mlops" is not allowed on aws: the platform creates the cluster there (its kubeconfig is an output); kubernetes.context selects an existing cluster on the local stack only',
    ]);
    expect(clusterCrossIssues({ backend: "aws", gpu: { enabled: false }, teams: [{ name: "ds", gpu: 4 }, { name: "ml", gpu: 0 }] }).map((i) => i.message)).toEqual([
      "false is not allowed while teams ask for 4 GPUs (ds 4): their quota would never be schedulable; enable the GPU nodes or set the teams' gpu to 0",
    ]);
  });

  it("is the stack config's cluster section: the resolver reports the same rules as config keys", () => {
    const raw = {
      "mlops-platform:cloud": "aws", "mlops-platform:tier": "dev", "mlops-platform:region": "us-east-1", "mlops-platform:costCenter": "ml",
      "mlops-platform:cluster": JSON.stringify({ publicAccessCidrs: ["0.0.0.0/0"] }),
      "mlops-platform:kubernetes": JSON.stringify({ context: "kind-mlops" }),
    };
    expect(() => resolveStackConfig(raw, { stack: "dev" })).toThrow(/mlops-platform:kubernetes\.context[\s\S]*mlops-platform:cluster\.publicAccessCidrs\[0\]/);
  });
});

describe("GPU settings without a GPU group", () => {
  it("rejects GPU settings when no team asks for GPUs and gpu.enabled is not true, instead of ignoring them", () => {
    expect(gpuIssues({ backend: "gcp", gpu: { maxSize: 3 }, teams: [] }).map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      "gpu.maxSize: 3 is not allowed: no GPU node group is built (no team asks for GPUs and gpu.enabled is not true), so it would have no effect; set gpu.enabled to true or remove it",
    ]);
    expect(gpuIssues({ backend: "gcp", gpu: { maxSize: 3, enabled: true }, teams: [] })).toEqual([]);
    expect(gpuIssues({ backend: "aws", gpu: { maxSize: 3 }, teams: [{ name: "ds", gpu: 1 }] })).toEqual([]);
  });
});
