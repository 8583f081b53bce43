import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { isSetOrPending } from "../../lib/values";
import { validateTypeToken } from "../../lib/type-token";

const isTrue = (value: unknown): boolean => value === true || value === "true";
const FIX = "Set kmsKeyId to a customer-managed key.";

/**
 * Encrypted instance disks name a customer-managed KMS key: `blockDeviceMappings[].ebs.kmsKeyId`
 * on `aws.ec2.LaunchTemplate`, `rootBlockDevice.kmsKeyId` and `ebsBlockDevices[].kmsKeyId` on
 * `aws.ec2.Instance`. Unencrypted disks are aws-ec2-launch-template-volumes-encrypted's and are
 * not judged here, so each problem is reported once.
 */
export const awsEc2LaunchTemplateVolumesEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-ec2-launch-template-volumes-encrypted-with-kms",
    description:
      "Encrypted EBS volumes of launch templates (blockDeviceMappings[].ebs.kmsKeyId) and instances (rootBlockDevice and " +
      "ebsBlockDevices kmsKeyId) must name a customer-managed KMS key: the AWS-managed aws/ebs key's policy cannot be restricted.",
    validateResource: [
      validateTypeToken<aws.ec2.LaunchTemplateArgs>("aws:ec2/launchTemplate:LaunchTemplate", (template, _args, report) => {
        (template.blockDeviceMappings ?? []).forEach((mapping, i) => {
          if (isTrue(mapping.ebs?.encrypted) && !isSetOrPending(() => mapping.ebs?.kmsKeyId)) {
            report(`blockDeviceMappings[${i}] (${mapping.deviceName ?? "no deviceName"}): ebs.kmsKeyId is not set, so the volume uses the AWS-managed aws/ebs key. ${FIX}`);
          }
        });
      }),
      validateTypeToken<aws.ec2.InstanceArgs>("aws:ec2/instance:Instance", (instance, _args, report) => {
        const root = instance.rootBlockDevice;
        if (isTrue(root?.encrypted) && !isSetOrPending(() => root?.kmsKeyId)) report(`rootBlockDevice.kmsKeyId is not set, so the root volume uses the AWS-managed aws/ebs key. ${FIX}`);
        (instance.ebsBlockDevices ?? []).forEach((device, i) => {
          if (isTrue(device.encrypted) && !isSetOrPending(() => device.kmsKeyId)) report(`ebsBlockDevices[${i}] (${device.deviceName}).kmsKeyId is not set, so the volume uses the AWS-managed aws/ebs key. ${FIX}`);
        });
      }),
    ],
  },
  { vendor: "aws", services: ["ec2"], topics: ["encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "medium" },
);
