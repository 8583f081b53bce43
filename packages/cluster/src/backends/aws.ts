import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import * as k8s from "@pulumi/kubernetes";
import { awsKeyFor, kubernetesLabels, physicalName } from "@mlops/core";
import type { ResolvedClusterArgs } from "../defaults";
import type { ClusterOutputs } from "../types";
import { podIdentityRole } from "../pod-identity";
import { CRITICAL_ADDONS_TAINT, GPU_TAINT, launchTemplate, nodeGroup, scaleFromZeroTags, type GroupKind } from "./aws-nodes";
import { clusterAutoscaler, type ClusterAutoscaler } from "./autoscaler";
import { nvidiaDevicePlugin } from "./nvidia-device-plugin";

/** The native AWS resources behind a Cluster: the escape hatch. */
export interface AwsClusterNative {
  cluster: eks.Cluster;
  /** Set when `kmsKeyId` was not given. */
  kmsKey?: aws.kms.Key;
  nodeRole: aws.iam.Role;
  launchTemplates: Readonly<Partial<Record<GroupKind, aws.ec2.LaunchTemplate>>>;
  nodeGroups: Readonly<Partial<Record<GroupKind, aws.eks.NodeGroup>>>;
  addons: Readonly<Record<string, aws.eks.Addon>>;
  storageClass: k8s.storage.v1.StorageClass;
  autoscaler: ClusterAutoscaler;
  /** The NVIDIA device plugin on the GPU nodes; set when the GPU group exists. */
  nvidiaDevicePlugin?: k8s.apps.v1.DaemonSet;
  provider: k8s.Provider;
}

/** Control-plane logs sent to CloudWatch: all five EKS log types. */
export const EKS_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"] as const;
/** The AWS managed policies of the node role. The CNI's policy is on its own Pod Identity role, not on the nodes. */
export const NODE_POLICIES = ["arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"] as const;
/** The VPC CNI enforces Kubernetes NetworkPolicies (its eBPF network policy agent). */
export const VPC_CNI_CONFIGURATION = JSON.stringify({ enableNetworkPolicy: "true" });
export const GP3_STORAGE_CLASS = "gp3-encrypted";

/** KMS operations EBS needs on a customer key for the volumes it creates for Auto Scaling and the CSI driver. */
const EBS_KEY_OPERATIONS = ["Encrypt", "Decrypt", "ReEncryptFrom", "ReEncryptTo", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "DescribeKey", "CreateGrant"];

/**
 * EKS (@pulumi/eks): private endpoint (public only for the given CIDRs), Secrets envelope-
 * encrypted with a customer KMS key, all control-plane logs, access entries only, no default
 * node group. Managed node groups per tier (system tainted CriticalAddonsOnly, workload Spot in
 * dev, GPU from zero) on launch templates with IMDSv2 and encrypted disks; EKS add-ons (VPC CNI
 * enforcing NetworkPolicy, CoreDNS, kube-proxy, Pod Identity agent, EBS CSI); an encrypted gp3
 * default StorageClass; Cluster Autoscaler; the NVIDIA device plugin on the GPU nodes. Cloud
 * identities through EKS Pod Identity.
 */
export function build(parent: pulumi.ComponentResource, name: string, r: ResolvedClusterArgs): { outputs: ClusterOutputs; native: AwsClusterNative } {
  const network = r.awsNetwork;
  if (!network) throw new pulumi.ResourceError("awsNetwork is required when backend is \"aws\"", parent);
  const tags = { ...r.tags };
  const child = { parent };
  const { key: kmsKey, keyArn } = awsKeyFor(parent, name, { given: r.kmsKeyId, description: `Secrets and node volumes of the ${name} EKS cluster`, tags, protect: r.protect });
  // Fixed, so the autoscaler's tag condition and discovery flag can name it.
  const clusterName = physicalName([pulumi.getProject(), pulumi.getStack(), name], 100);
  const publicEndpoint = r.publicAccessCidrs.length > 0;

  const cluster = new eks.Cluster(`${name}-eks`, {
    name: clusterName,
    version: r.kubernetesVersion,
    vpcId: network.vpcId,
    privateSubnetIds: network.privateSubnetIds,
    ...(network.publicSubnetIds !== undefined ? { publicSubnetIds: network.publicSubnetIds } : {}),
    endpointPrivateAccess: true,
    endpointPublicAccess: publicEndpoint,
    ...(publicEndpoint ? { publicAccessCidrs: r.publicAccessCidrs } : {}),
    authenticationMode: "API",
    encryptionConfigKeyArn: keyArn,
    enabledClusterLogTypes: [...EKS_LOG_TYPES],
    skipDefaultNodeGroup: true,
    // Node groups use the EKS-managed cluster security group; the component's own would add rules nothing needs.
    skipDefaultSecurityGroups: true,
    // The add-ons below are EKS managed add-ons (versioned, upgraded by EKS), not the self-managed defaults.
    bootstrapSelfManagedAddons: false,
    useDefaultVpcCni: true,
    corednsAddonOptions: { enabled: false },
    kubeProxyAddonOptions: { enabled: false },
    // Pod Identity needs no IAM OIDC provider.
    createOidcProvider: false,
    deletionProtection: r.protect,
    tags,
  }, { parent, protect: r.protect });
  const eksName = cluster.eksCluster.name;
  const securityGroupId = cluster.eksCluster.vpcConfig.clusterSecurityGroupId;

  const nodeRole = new aws.iam.Role(`${name}-node-role`, {
    description: `Nodes of ${clusterName}`,
    assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
    tags,
  }, child);
  const nodePolicies = NODE_POLICIES.map((arn, i) => new aws.iam.RolePolicyAttachment(`${name}-node-policy-${i}`, { role: nodeRole.name, policyArn: arn }, child));

  // Auto Scaling launches the node volumes with the customer key through its service-linked role.
  const account = aws.getCallerIdentityOutput({}, child).accountId;
  const partition = aws.getPartitionOutput({}, child).partition;
  const asgGrant = new aws.kms.Grant(`${name}-asg-key-grant`, {
    keyId: keyArn,
    granteePrincipal: pulumi.interpolate`arn:${partition}:iam::${account}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
    operations: EBS_KEY_OPERATIONS,
  }, child);

  const addon = (addonName: string, extra: Partial<aws.eks.AddonArgs>, dependsOn: pulumi.Input<pulumi.Resource>[] = []) => new aws.eks.Addon(`${name}-${addonName}`, {
    clusterName: eksName,
    addonName,
    resolveConflictsOnCreate: "OVERWRITE",
    resolveConflictsOnUpdate: "OVERWRITE",
    tags,
    ...extra,
  }, { parent, dependsOn });

  const cniRole = podIdentityRole(parent, `${name}-vpc-cni`, { clusterName: eksName, namespace: "kube-system", serviceAccount: "aws-node", managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"], tags, associate: false });
  // DaemonSets the nodes need to become Ready: before the node groups.
  const podIdentityAgent = addon("eks-pod-identity-agent", {});
  const vpcCni = addon("vpc-cni", { configurationValues: VPC_CNI_CONFIGURATION, podIdentityAssociations: [{ roleArn: cniRole.role.arn, serviceAccount: "aws-node" }] }, [podIdentityAgent, ...cniRole.attachments]);
  const kubeProxy = addon("kube-proxy", {});

  const groups: { kind: GroupKind; sizes: ResolvedClusterArgs["system"]; spot: boolean; taints: { key: string; value: string; effect: string }[] }[] = [
    { kind: "system", sizes: r.system, spot: false, taints: [{ ...CRITICAL_ADDONS_TAINT }] },
    { kind: "workload", sizes: r.workload, spot: r.workload.spot, taints: [] },
    ...(r.gpu.enabled ? [{ kind: "gpu" as const, sizes: { instanceTypes: r.gpu.instanceTypes, minSize: 0, desiredSize: 0, maxSize: r.gpu.maxSize }, spot: false, taints: [{ ...GPU_TAINT }] }] : []),
  ];
  const launchTemplates: Partial<Record<GroupKind, aws.ec2.LaunchTemplate>> = {};
  const nodeGroups: Partial<Record<GroupKind, aws.eks.NodeGroup>> = {};
  for (const g of groups) {
    const template = launchTemplate(parent, name, { kind: g.kind, keyArn, securityGroupId, tags });
    const group = nodeGroup(parent, name, { ...g, clusterName: eksName, nodeRoleArn: nodeRole.arn, subnetIds: network.privateSubnetIds, template, tags, dependsOn: [...nodePolicies, asgGrant, vpcCni, kubeProxy, podIdentityAgent] });
    // Groups that start at zero need the template tags for the autoscaler to scale them up.
    if (g.sizes.minSize === 0) scaleFromZeroTags(parent, name, group, { kind: g.kind, taints: g.taints });
    launchTemplates[g.kind] = template;
    nodeGroups[g.kind] = group;
  }
  const systemNodes = nodeGroups.system as aws.eks.NodeGroup;

  const ebsRole = podIdentityRole(parent, `${name}-ebs-csi`, {
    clusterName: eksName,
    namespace: "kube-system",
    serviceAccount: "ebs-csi-controller-sa",
    managedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"],
    // The default StorageClass encrypts with the cluster key: the driver creates grants on it.
    statements: [{ Sid: "UseClusterKey", Effect: "Allow", Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant", "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"], Resource: keyArn }],
    tags,
    associate: false,
  });
  // Deployments: they need nodes to run on.
  const coredns = addon("coredns", {}, [systemNodes]);
  const ebsCsi = addon("aws-ebs-csi-driver", { podIdentityAssociations: [{ roleArn: ebsRole.role.arn, serviceAccount: "ebs-csi-controller-sa" }] }, [systemNodes, ...ebsRole.attachments, ...(ebsRole.policy ? [ebsRole.policy] : [])]);

  const provider = new k8s.Provider(`${name}-k8s`, { kubeconfig: cluster.kubeconfigJson, enableServerSideApply: true, deleteUnreachable: false }, { parent, aliases: r.providerAliases });
  const storageClass = new k8s.storage.v1.StorageClass(`${name}-gp3`, {
    metadata: { name: GP3_STORAGE_CLASS, labels: kubernetesLabels(r.tags), annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
    provisioner: "ebs.csi.aws.com",
    parameters: { type: "gp3", encrypted: "true", kmsKeyId: keyArn },
    volumeBindingMode: "WaitForFirstConsumer",
    reclaimPolicy: r.protect ? "Retain" : "Delete",
    allowVolumeExpansion: true,
  }, { parent, provider, dependsOn: [ebsCsi] });
  const autoscaler = clusterAutoscaler(parent, name, {
    clusterName,
    region: aws.getRegionOutput({}, child).name,
    version: r.kubernetesVersion,
    provider,
    tags,
    dependsOn: [cluster],
  });
  // The NVIDIA AMI has the driver but nothing advertises `nvidia.com/gpu` to the scheduler.
  const devicePlugin = r.gpu.enabled ? nvidiaDevicePlugin(parent, name, { provider, tags }) : undefined;

  const oidcIssuer = cluster.eksCluster.identities.apply((ids) => ids[0]?.oidcs?.[0]?.issuer ?? "");
  return {
    outputs: {
      name: eksName,
      endpoint: cluster.eksCluster.endpoint,
      kubeconfig: cluster.kubeconfigJson,
      provider,
      oidcIssuer,
      workloadIdentity: pulumi.output("eks-pod-identity" as const),
      workloadPool: pulumi.output(""),
      nodeRoleArn: nodeRole.arn,
      nodeServiceAccount: pulumi.output(""),
      gpuEnabled: pulumi.output(r.gpu.enabled),
      storageClassName: pulumi.output(GP3_STORAGE_CLASS),
    },
    native: {
      cluster,
      ...(kmsKey ? { kmsKey } : {}),
      nodeRole,
      launchTemplates,
      nodeGroups,
      addons: { "eks-pod-identity-agent": podIdentityAgent, "vpc-cni": vpcCni, "kube-proxy": kubeProxy, coredns, "aws-ebs-csi-driver": ebsCsi },
      storageClass,
      autoscaler,
      ...(devicePlugin ? { nvidiaDevicePlugin: devicePlugin } : {}),
      provider,
    },
  };
}
