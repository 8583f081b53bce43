import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { defaultNodeGroupOptions, validateEksComponent } from "../eks/component";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** `true`, or the string "true" launch templates use (`LaunchTemplateBlockDeviceMappingEbs.encrypted` is a string). */
const isTrue = (value: unknown): boolean => value === true || value === "true";

/**
 * Node and instance disks are EBS-encrypted:
 * - `aws.ec2.LaunchTemplate`: every `blockDeviceMappings[].ebs` has `encrypted` "true", and at
 *   least one mapping has `ebs` (without one the root volume's encryption is left to the AMI's
 *   snapshot and the account's EBS default, which the program does not show);
 * - `aws.ec2.Instance`: `rootBlockDevice.encrypted` and every `ebsBlockDevices[].encrypted`
 *   true; an instance without `rootBlockDevice` that uses a launch template is left to it;
 * - `aws.ec2.LaunchConfiguration`: the same for the instances an Auto Scaling group launches
 *   (no launch template to defer to);
 * - `aws.ebs.Volume` (the standalone form of an attached disk): `encrypted` true;
 * - `aws.eks.NodeGroup` without `launchTemplate` (EKS generates one; nothing in the program
 *   encrypts its disks) and the `eks:index:Cluster` default node group without
 *   `nodeRootVolumeEncrypted` true (@pulumi/eks leaves it to the AMI) are violations.
 */
export const awsEc2LaunchTemplateVolumesEncrypted = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-ec2-launch-template-volumes-encrypted",
    description:
      'EBS volumes of launch templates (blockDeviceMappings[].ebs.encrypted "true", at least one mapping), instances ' +
      "and launch configurations (rootBlockDevice, ebsBlockDevices), aws.ebs.Volume, EKS node groups and the eks.Cluster default node group " +
      "(nodeRootVolumeEncrypted) must be encrypted: node disks hold container images, emptyDir volumes and cached secrets.",
    validateResource: [
      validateTypeToken<aws.ec2.LaunchTemplateArgs>("aws:ec2/launchTemplate:LaunchTemplate", (template, _args, report) => {
        const mappings = template.blockDeviceMappings ?? [];
        if (!mappings.some((m) => m.ebs !== undefined)) {
          report('No blockDeviceMappings entry has ebs settings: the root volume\'s encryption is left to the AMI and the account default; map it with ebs.encrypted "true".');
        }
        mappings.forEach((mapping, i) => {
          if (mapping.ebs !== undefined && !isTrue(mapping.ebs.encrypted)) {
            report(`blockDeviceMappings[${i}] (${mapping.deviceName ?? "no deviceName"}): ebs.encrypted is not "true".`);
          }
        });
      }),
      validateTypeToken<aws.ec2.InstanceArgs>("aws:ec2/instance:Instance", (instance, _args, report) => {
        const root = instance.rootBlockDevice;
        if (root === undefined ? instance.launchTemplate === undefined : !isTrue(root.encrypted)) {
          report("rootBlockDevice.encrypted is not true: the root volume's encryption is left to the AMI and the account default.");
        }
        (instance.ebsBlockDevices ?? []).forEach((device, i) => {
          if (!isTrue(device.encrypted)) report(`ebsBlockDevices[${i}] (${device.deviceName}) is not encrypted.`);
        });
      }),
      validateTypeToken<aws.ec2.LaunchConfigurationArgs>("aws:ec2/launchConfiguration:LaunchConfiguration", (config, _args, report) => {
        if (!isTrue(config.rootBlockDevice?.encrypted)) {
          report("rootBlockDevice.encrypted is not true: the root volumes' encryption is left to the AMI and the account default.");
        }
        (config.ebsBlockDevices ?? []).forEach((device, i) => {
          if (!isTrue(device.encrypted)) report(`ebsBlockDevices[${i}] (${device.deviceName}) is not encrypted.`);
        });
      }),
      validateTypeToken<aws.ebs.VolumeArgs>("aws:ebs/volume:Volume", (volume, _args, report) => {
        if (!isTrue(volume.encrypted)) report("encrypted is not true.");
      }),
      validateTypeToken<aws.eks.NodeGroupArgs>("aws:eks/nodeGroup:NodeGroup", (group, _args, report) => {
        if (group.launchTemplate === undefined) {
          report("The node group has no launchTemplate, so nothing in the program encrypts its disks: use a launch template with encrypted block devices.");
        }
      }),
      validateEksComponent((props, report) => {
        const group = defaultNodeGroupOptions(props);
        if (group && !isTrue(group.options["nodeRootVolumeEncrypted"])) {
          report(`${group.prefix}nodeRootVolumeEncrypted is not true: the default node group's root volumes are not encrypted.`);
        }
      }),
    ],
  },
  { vendor: "aws", services: ["ec2", "ebs", "eks"], topics: ["encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
