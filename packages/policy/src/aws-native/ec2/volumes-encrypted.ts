import type { ReportViolation, ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { INSTANCE, LAUNCH_TEMPLATE, type BlockDeviceMapping, type NativeInstance, type NativeLaunchTemplate } from "./instance-like";

function checkMappings(where: string, mappings: BlockDeviceMapping[] | undefined, report: ReportViolation): void {
  (mappings ?? []).forEach((mapping, i) => {
    if (mapping.ebs !== undefined && mapping.ebs.encrypted !== true) {
      report(`${where}[${i}] (${mapping.deviceName ?? "no deviceName"}): ebs.encrypted is not true; set it, with a customer-managed kmsKeyId.`);
    }
  });
}

/** EBS volumes of aws-native launch templates, instances and volumes are encrypted. */
export const awsNativeEc2VolumesEncrypted = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-ec2-volumes-encrypted",
    description:
      "aws-native launch templates and instances must encrypt every EBS block device mapping (ebs.encrypted true), and " +
      "launch templates must map at least one (else the root volume's encryption is left to the AMI and the account " +
      "default); aws-native ec2.Volume resources must set encrypted true.",
    validateResource: [
      validateTypeToken<NativeLaunchTemplate>(LAUNCH_TEMPLATE, (template, _args, report) => {
        const mappings = template.launchTemplateData?.blockDeviceMappings ?? [];
        if (!mappings.some((m) => m.ebs !== undefined)) {
          report("launchTemplateData.blockDeviceMappings has no ebs entry: the root volume's encryption is left to the AMI and the account default; map it with ebs.encrypted true.");
        }
        checkMappings("launchTemplateData.blockDeviceMappings", mappings, report);
      }),
      validateTypeToken<NativeInstance>(INSTANCE, (instance, _args, report) => checkMappings("blockDeviceMappings", instance.blockDeviceMappings, report)),
      validateTypeToken<{ encrypted?: boolean }>("aws-native:ec2:Volume", (volume, _args, report) => {
        if (volume.encrypted !== true) report("encrypted is not true: the volume and its snapshots are unencrypted; set it, with a customer-managed kmsKeyId.");
      }),
    ],
  },
  { vendor: "aws-native", services: ["ec2"], topics: ["encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
