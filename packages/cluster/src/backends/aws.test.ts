import { describe, expect, it, jest } from "@jest/globals";
import { byType, one, runWithMocks } from "@mlops/testing";
import type { RecordedResource } from "@mlops/testing";
import type { ClusterArgs } from "../types";

// An AWS stack must never load the GCP SDK (the component requires backends lazily).
jest.mock("@pulumi/gcp", () => { throw new Error("@pulumi/gcp loaded by an aws Cluster"); });
const { Cluster } = require("../cluster") as typeof import("../cluster");

const tags = { project: "mlops", "cost-center": "ml" };
const awsNetwork = { vpcId: "vpc-0abc", privateSubnetIds: ["subnet-a", "subnet-b", "subnet-c"], publicSubnetIds: ["subnet-pa", "subnet-pb"] };
const GPU_TEAMS = [{ name: "data-science", gpu: 4 }];

function run(extra: Partial<ClusterArgs> = {}, tier: "dev" | "staging" | "prod" = "prod", preview = false) {
  return runWithMocks(() => {
    const c = new Cluster("cluster", { backend: "aws", tier, tags, placement: {}, awsNetwork, ...extra });
    return { kubeconfig: c.kubeconfig, name: c.name, gpuEnabled: c.gpuEnabled, nodeRoleArn: c.nodeRoleArn, identity: c.workloadIdentity };
  }, { project: "mlops-platform", stack: tier, preview });
}
const eksOf = (rs: RecordedResource[]) => one(rs, "eks:index:Cluster");
const group = (rs: RecordedResource[], kind: string) => one(rs, "aws:eks/nodeGroup:NodeGroup", `cluster-${kind}`);
const template = (rs: RecordedResource[], kind: string) => one(rs, "aws:ec2/launchTemplate:LaunchTemplate", `cluster-${kind}-lt`);

describe("Cluster on aws (EKS)", () => {
  it("keeps the endpoint private, encrypts Secrets with a rotated KMS key, logs the whole control plane, uses access entries", async () => {
    const { resources } = await run();
    const key = one(resources, "aws:kms/key:Key");
    expect(key.inputs).toMatchObject({ enableKeyRotation: true });
    expect(eksOf(resources).inputs).toMatchObject({
      name: "mlops-platform-prod-cluster", version: "1.33", vpcId: "vpc-0abc", privateSubnetIds: awsNetwork.privateSubnetIds,
      endpointPrivateAccess: true, endpointPublicAccess: false, authenticationMode: "API", encryptionConfigKeyArn: key.outputs["arn"],
      enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"], skipDefaultNodeGroup: true,
      bootstrapSelfManagedAddons: false, createOidcProvider: false, deletionProtection: true,
    });
    expect(eksOf(resources).inputs["publicAccessCidrs"]).toBeUndefined();
    expect(eksOf(resources).protect).toBe(true);
  });

  it("opens a public endpoint only to the given CIDRs", async () => {
    const { resources } = await run({ publicAccessCidrs: ["203.0.113.0/24"] });
    expect(eksOf(resources).inputs).toMatchObject({ endpointPrivateAccess: true, endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] });
  });

  it("in prod: a tainted system group and 3 x m5.xlarge on-demand workload nodes on the private subnets, no GPU group without a GPU team", async () => {
    const { resources, stackOutputs } = await run();
    expect(group(resources, "system").inputs).toMatchObject({ capacityType: "ON_DEMAND", taints: [{ key: "CriticalAddonsOnly", value: "true", effect: "NO_SCHEDULE" }], subnetIds: awsNetwork.privateSubnetIds, amiType: "AL2023_x86_64_STANDARD" });
    expect(group(resources, "workload").inputs).toMatchObject({ instanceTypes: ["m5.xlarge"], capacityType: "ON_DEMAND", scalingConfig: { minSize: 3, desiredSize: 3, maxSize: 10 }, taints: [] });
    expect(byType(resources, "aws:eks/nodeGroup:NodeGroup").map((g) => g.name).sort()).toEqual(["cluster-system", "cluster-workload"]);
    expect(stackOutputs["gpuEnabled"]).toBe(false);
  });

  it("in dev: the workload group runs on Spot", async () => {
    const { resources } = await run({}, "dev");
    expect(group(resources, "workload").inputs).toMatchObject({ capacityType: "SPOT", instanceTypes: ["m5.xlarge", "m5a.xlarge", "m6i.xlarge"] });
  });

  it("adds a GPU group when a team asks for GPUs: scales from zero, NVIDIA AMI, tainted, with the autoscaler's node-template tags", async () => {
    const { resources, stackOutputs } = await run({ teams: GPU_TEAMS });
    const gpu = group(resources, "gpu");
    expect(gpu.inputs).toMatchObject({ amiType: "AL2023_x86_64_NVIDIA", instanceTypes: ["g5.xlarge"], scalingConfig: { minSize: 0, desiredSize: 0, maxSize: 4 }, taints: [{ key: "nvidia.com/gpu", value: "true", effect: "NO_SCHEDULE" }] });
    expect(gpu.inputs["labels"]).toEqual({ "mlops.platform/node-group": "gpu" });
    const tagsOnAsg = byType(resources, "aws:autoscaling/tag:Tag").map((t) => t.inputs["tag"]);
    expect(tagsOnAsg).toEqual([
      { key: "k8s.io/cluster-autoscaler/node-template/label/mlops.platform/node-group", value: "gpu", propagateAtLaunch: false },
      { key: "k8s.io/cluster-autoscaler/node-template/taint/nvidia.com/gpu", value: "true:NoSchedule", propagateAtLaunch: false },
    ]);
    expect(stackOutputs["gpuEnabled"]).toBe(true);
  });

  it("runs the NVIDIA device plugin on the GPU nodes only, on the cluster's provider, unprivileged", async () => {
    const { resources } = await run({ teams: GPU_TEAMS }, "dev");
    const ds = one(resources, "kubernetes:apps/v1:DaemonSet", "cluster-nvidia-device-plugin");
    expect(ds.provider).toContain("pulumi:providers:kubernetes::cluster-k8s");
    expect(ds.parent).toBe(one(resources, "mlops:cluster:Cluster").urn);
    expect(ds.inputs["metadata"]).toMatchObject({ name: "nvidia-device-plugin", namespace: "kube-system", labels: { "mlops.platform/project": "mlops", "mlops.platform/cost-center": "ml", "app.kubernetes.io/name": "nvidia-device-plugin" } });
    const spec = (ds.inputs["spec"] as { template: { spec: Record<string, unknown> } }).template.spec;
    // The label the GPU node group sets, and the taint it carries.
    expect(spec["nodeSelector"]).toEqual({ "mlops.platform/node-group": "gpu" });
    expect(group(resources, "gpu").inputs["labels"]).toEqual(spec["nodeSelector"]);
    expect(spec["tolerations"]).toEqual([{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }]);
    expect(spec).toMatchObject({ priorityClassName: "system-node-critical", volumes: [{ name: "device-plugin", hostPath: { path: "/var/lib/kubelet/device-plugins" } }] });
    expect(spec["hostNetwork"]).toBeUndefined();
    expect(spec["hostPID"]).toBeUndefined();
    const container = (spec["containers"] as Record<string, unknown>[])[0];
    expect(container).toMatchObject({
      image: "nvcr.io/nvidia/k8s-device-plugin:v0.17.1",
      volumeMounts: [{ name: "device-plugin", mountPath: "/var/lib/kubelet/device-plugins" }],
      securityContext: { privileged: false, allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
    });
    expect((container?.["securityContext"] as { capabilities: { add?: unknown } }).capabilities.add).toBeUndefined();
  });

  it("deploys no NVIDIA device plugin without a GPU group", async () => {
    const { resources } = await run();
    expect(byType(resources, "aws:eks/nodeGroup:NodeGroup").map((g) => g.name)).not.toContain("cluster-gpu");
    expect(byType(resources, "kubernetes:apps/v1:DaemonSet")).toEqual([]);
  });

  it("rejects GPU nodes turned off while a team asks for GPUs", async () => {
    await expect(run({ teams: GPU_TEAMS, gpu: { enabled: false } })).rejects.toThrow("gpu.enabled: false is not allowed while teams ask for 4 GPUs (data-science 4): their quota would never be schedulable; enable the GPU nodes or set the teams' gpu to 0");
  });

  it("puts every node group on a launch template: IMDSv2 with hop limit 1, encrypted gp3 root with the cluster key, no public IP", async () => {
    const { resources } = await run({ teams: GPU_TEAMS });
    const key = one(resources, "aws:kms/key:Key");
    for (const kind of ["system", "workload", "gpu"]) {
      const lt = template(resources, kind);
      expect(lt.inputs).toMatchObject({
        metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 },
        blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeType: "gp3", encrypted: "true", kmsKeyId: key.outputs["arn"] } }],
        networkInterfaces: [{ associatePublicIpAddress: "false" }],
      });
      expect(group(resources, kind).inputs["launchTemplate"]).toMatchObject({ id: lt.id });
    }
    // Auto Scaling launches the encrypted volumes with its service-linked role.
    expect(one(resources, "aws:kms/grant:Grant").inputs).toMatchObject({ keyId: key.outputs["arn"], granteePrincipal: expect.stringContaining("AWSServiceRoleForAutoScaling") });
  });

  it("gives the nodes the worker and ECR read-only policies, not the CNI policy (the CNI has its own Pod Identity role)", async () => {
    const { resources } = await run();
    const nodeRole = one(resources, "aws:iam/role:Role", "cluster-node-role");
    const attached = byType(resources, "aws:iam/rolePolicyAttachment:RolePolicyAttachment");
    expect(attached.filter((a) => a.inputs["role"] === nodeRole.outputs["name"]).map((a) => a.inputs["policyArn"]).sort()).toEqual([
      "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly", "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
    ]);
    const cniRole = one(resources, "aws:iam/role:Role", "cluster-vpc-cni-role");
    expect(JSON.parse(String(cniRole.inputs["assumeRolePolicy"]))).toEqual({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "pods.eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"] }] });
    expect(attached.some((a) => a.inputs["role"] === cniRole.outputs["name"] && a.inputs["policyArn"] === "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy")).toBe(true);
  });

  it("installs the EKS add-ons: the VPC CNI enforcing NetworkPolicy through Pod Identity, CoreDNS and EBS CSI after the system nodes", async () => {
    const { resources } = await run();
    const addons = Object.fromEntries(byType(resources, "aws:eks/addon:Addon").map((a) => [a.inputs["addonName"], a]));
    expect(Object.keys(addons).sort()).toEqual(["aws-ebs-csi-driver", "coredns", "eks-pod-identity-agent", "kube-proxy", "vpc-cni"]);
    expect(JSON.parse(String(addons["vpc-cni"]?.inputs["configurationValues"]))).toEqual({ enableNetworkPolicy: "true" });
    expect(addons["vpc-cni"]?.inputs["podIdentityAssociations"]).toEqual([{ roleArn: one(resources, "aws:iam/role:Role", "cluster-vpc-cni-role").outputs["arn"], serviceAccount: "aws-node" }]);
    expect(addons["aws-ebs-csi-driver"]?.inputs["podIdentityAssociations"]).toEqual([{ roleArn: one(resources, "aws:iam/role:Role", "cluster-ebs-csi-role").outputs["arn"], serviceAccount: "ebs-csi-controller-sa" }]);
    const system = group(resources, "system").urn;
    expect(addons["coredns"]?.dependencies).toContain(system);
    expect(addons["aws-ebs-csi-driver"]?.dependencies).toContain(system);
    expect(group(resources, "system").dependencies).toEqual(expect.arrayContaining([addons["vpc-cni"]?.urn, addons["kube-proxy"]?.urn]));
  });

  it("makes an encrypted gp3 StorageClass the default, on the cluster's provider", async () => {
    const { resources } = await run();
    const sc = one(resources, "kubernetes:storage.k8s.io/v1:StorageClass");
    expect(sc.inputs).toMatchObject({
      metadata: { name: "gp3-encrypted", annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
      provisioner: "ebs.csi.aws.com", parameters: { type: "gp3", encrypted: "true", kmsKeyId: one(resources, "aws:kms/key:Key").outputs["arn"] },
      volumeBindingMode: "WaitForFirstConsumer", reclaimPolicy: "Retain",
    });
    expect(sc.provider).toContain("pulumi:providers:kubernetes::cluster-k8s");
  });

  it("runs the Cluster Autoscaler on the system nodes, restricted, with a least-privilege Pod Identity role", async () => {
    const { resources } = await run();
    const deployment = one(resources, "kubernetes:apps/v1:Deployment", "cluster-autoscaler");
    const spec = (deployment.inputs["spec"] as { template: { spec: Record<string, unknown> } }).template.spec;
    expect(spec).toMatchObject({
      serviceAccountName: "cluster-autoscaler", nodeSelector: { "mlops.platform/node-group": "system" },
      tolerations: [{ key: "CriticalAddonsOnly", operator: "Exists" }], securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
    });
    const container = (spec["containers"] as Record<string, unknown>[])[0];
    expect(container).toMatchObject({ image: "registry.k8s.io/autoscaling/cluster-autoscaler:v1.33.3", securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } } });
    expect(container?.["command"]).toContain("--node-group-auto-discovery=asg:tag=k8s.io/cluster-autoscaler/enabled,k8s.io/cluster-autoscaler/mlops-platform-prod-cluster");
    const policy = JSON.parse(String(one(resources, "aws:iam/rolePolicy:RolePolicy", "cluster-autoscaler-policy").inputs["policy"])) as { Statement: Record<string, unknown>[] };
    expect(policy.Statement[1]).toEqual({
      Sid: "ScaleOwnGroups", Effect: "Allow", Action: ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"], Resource: "*",
      Condition: { StringEquals: { "aws:ResourceTag/k8s.io/cluster-autoscaler/mlops-platform-prod-cluster": "owned" } },
    });
    expect((policy.Statement[0]?.["Action"] as string[]).every((a) => /:(Describe|Get)/.test(a))).toBe(true);
    expect(one(resources, "aws:eks/podIdentityAssociation:PodIdentityAssociation").inputs).toMatchObject({ namespace: "kube-system", serviceAccount: "cluster-autoscaler", clusterName: "mlops-platform-prod-cluster" });
    const rules = one(resources, "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole").inputs["rules"] as { verbs: string[]; resources: string[] }[];
    expect(rules.some((r) => r.verbs.includes("*") || r.resources.includes("secrets"))).toBe(false);
  });

  it("builds its Kubernetes provider from the EKS kubeconfig and keeps the kubeconfig secret", async () => {
    const { resources, secretOutputs } = await run();
    const provider = one(resources, "pulumi:providers:kubernetes", "cluster-k8s");
    expect(provider.inputs).toMatchObject({ enableServerSideApply: "true", deleteUnreachable: "false" });
    expect(String(provider.inputs["kubeconfig"])).toContain("eks");
    expect(secretOutputs).toContain("kubeconfig");
    expect(byType(resources, "pulumi:providers:kubernetes").filter((p) => p.name.startsWith("default"))).toEqual([]);
  });

  it("requires the network, naming the input", async () => {
    await expect(run({ awsNetwork: undefined })).rejects.toThrow('awsNetwork is required when backend is "aws" (the VPC and its private subnets)');
    await expect(run({ awsNetwork: { vpcId: "vpc-1", privateSubnetIds: ["subnet-a"] } })).rejects.toThrow('awsNetwork.privateSubnetIds: ["subnet-a"] is not allowed; EKS needs at least 2 private subnets in different availability zones');
  });
});
