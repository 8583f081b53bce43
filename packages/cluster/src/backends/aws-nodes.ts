import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import type { NodeGroupSettings, Tags } from "@mlops/core";

/** The node label every group carries; the autoscaler and system pods select on it. */
export const NODE_GROUP_LABEL = "mlops.platform/node-group";
export const GPU_TAINT = { key: "nvidia.com/gpu", value: "true", effect: "NO_SCHEDULE" } as const;
export const CRITICAL_ADDONS_TAINT = { key: "CriticalAddonsOnly", value: "true", effect: "NO_SCHEDULE" } as const;

/** Root volume per group, GiB: GPU images (CUDA, frameworks) are large. */
export const ROOT_VOLUME_GB = { system: 50, workload: 100, gpu: 200 } as const;
/** AL2023 AMIs boot from /dev/xvda. */
export const ROOT_DEVICE = "/dev/xvda";

/**
 * IMDSv2 only, hop limit 1: a Pod (one network hop away from the node) cannot reach the
 * instance metadata service, so it cannot take the node role's credentials; Pods get their
 * own through EKS Pod Identity (served by the agent on 169.254.170.23, not IMDS). Nothing the
 * platform runs needs IMDS from a Pod (the CNI and the Pod Identity agent run on the host network).
 */
export const NODE_METADATA_OPTIONS = { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" } as const;

export type GroupKind = keyof typeof ROOT_VOLUME_GB;

/** Graviton families (`m6g`, `c7gn`, `t4g`) run the ARM AMI. */
export function isGraviton(instanceType: string): boolean {
  return /^[a-z]+\d+g[a-z]*\./.test(instanceType);
}

/** The EKS AMI type for a group: AL2023, NVIDIA for GPUs, ARM for Graviton. */
export function amiType(kind: GroupKind, instanceTypes: readonly string[]): string {
  if (kind === "gpu") return "AL2023_x86_64_NVIDIA";
  return instanceTypes.some(isGraviton) ? "AL2023_ARM_64_STANDARD" : "AL2023_x86_64_STANDARD";
}

/**
 * The launch template of a node group: IMDSv2 (hop limit 1), an encrypted gp3 root volume with
 * the cluster's key, no public IP and the EKS cluster security group (set here because a
 * template that sets network interfaces must carry the security groups too).
 */
export function launchTemplate(parent: pulumi.Resource, name: string, args: { kind: GroupKind; keyArn: pulumi.Input<string>; securityGroupId: pulumi.Input<string>; tags: Tags }): aws.ec2.LaunchTemplate {
  return new aws.ec2.LaunchTemplate(`${name}-${args.kind}-lt`, {
    description: `Nodes of ${name} (${args.kind}): IMDSv2, encrypted root volume, no public IP`,
    updateDefaultVersion: true,
    metadataOptions: { ...NODE_METADATA_OPTIONS },
    blockDeviceMappings: [{
      deviceName: ROOT_DEVICE,
      ebs: { volumeSize: ROOT_VOLUME_GB[args.kind], volumeType: "gp3", encrypted: "true", kmsKeyId: args.keyArn, deleteOnTermination: "true" },
    }],
    networkInterfaces: [{ associatePublicIpAddress: "false", deleteOnTermination: "true", securityGroups: [args.securityGroupId] }],
    tagSpecifications: [
      { resourceType: "instance", tags: { ...args.tags } },
      { resourceType: "volume", tags: { ...args.tags } },
    ],
    tags: { ...args.tags },
  }, { parent });
}

/**
 * A managed node group on the private subnets, on its launch template. `desiredSize` is the
 * size at creation; the Cluster Autoscaler owns it afterwards (ignored on update).
 */
export function nodeGroup(
  parent: pulumi.Resource,
  name: string,
  args: {
    kind: GroupKind;
    clusterName: pulumi.Input<string>;
    nodeRoleArn: pulumi.Input<string>;
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    sizes: NodeGroupSettings;
    spot: boolean;
    template: aws.ec2.LaunchTemplate;
    taints: { key: string; value: string; effect: string }[];
    tags: Tags;
    dependsOn: pulumi.Input<pulumi.Resource>[];
  },
): aws.eks.NodeGroup {
  return new aws.eks.NodeGroup(`${name}-${args.kind}`, {
    clusterName: args.clusterName,
    nodeRoleArn: args.nodeRoleArn,
    subnetIds: args.subnetIds,
    instanceTypes: args.sizes.instanceTypes,
    capacityType: args.spot ? "SPOT" : "ON_DEMAND",
    amiType: amiType(args.kind, args.sizes.instanceTypes),
    scalingConfig: { minSize: args.sizes.minSize, desiredSize: args.sizes.desiredSize, maxSize: args.sizes.maxSize },
    updateConfig: { maxUnavailable: 1 },
    launchTemplate: { id: args.template.id, version: args.template.latestVersion.apply(String) },
    labels: { [NODE_GROUP_LABEL]: args.kind },
    taints: args.taints,
    tags: { ...args.tags },
  }, { parent, ignoreChanges: ["scalingConfig.desiredSize"], dependsOn: args.dependsOn });
}

/** The Auto Scaling group behind a managed node group ("" until EKS reports it). */
export function autoScalingGroupName(group: aws.eks.NodeGroup): pulumi.Output<string> {
  return group.resources.apply((resources) => {
    const list = (resources as aws.types.output.eks.NodeGroupResource[] | undefined) ?? [];
    return list[0]?.autoscalingGroups[0]?.name ?? "";
  });
}

/**
 * Node-template tags on a group's Auto Scaling group, so the Cluster Autoscaler knows the labels
 * and taints of a node it has not started yet and can scale the group up from zero (EKS does
 * not copy node group labels or taints to the ASG).
 */
export function scaleFromZeroTags(parent: pulumi.Resource, name: string, group: aws.eks.NodeGroup, args: { kind: GroupKind; taints: { key: string; value: string; effect: string }[] }): aws.autoscaling.Tag[] {
  const effect = (e: string) => ({ NO_SCHEDULE: "NoSchedule", NO_EXECUTE: "NoExecute", PREFER_NO_SCHEDULE: "PreferNoSchedule" })[e] ?? e;
  const tags: [string, string][] = [
    [`k8s.io/cluster-autoscaler/node-template/label/${NODE_GROUP_LABEL}`, args.kind],
    ...args.taints.map((t): [string, string] => [`k8s.io/cluster-autoscaler/node-template/taint/${t.key}`, `${t.value}:${effect(t.effect)}`]),
  ];
  const asg = autoScalingGroupName(group);
  return tags.map(([key, value], i) => new aws.autoscaling.Tag(`${name}-${args.kind}-template-${i}`, {
    autoscalingGroupName: asg,
    tag: { key, value, propagateAtLaunch: false },
  }, { parent }));
}
