import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { isSetOrPending } from "../../lib/values";
import { validateTypeToken } from "../../lib/type-token";

/**
 * Encrypted EBS volumes use a customer-managed KMS key (`kmsKeyId`). Whether a volume is
 * encrypted at all is aws-ec2-launch-template-volumes-encrypted's rule; an unencrypted
 * volume is not judged here, so it is reported once.
 */
export const awsEbsVolumeEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-ebs-volume-encrypted-with-kms",
    description:
      "Encrypted EBS volumes (aws.ebs.Volume) must name a customer-managed KMS key (kmsKeyId): without it EBS uses the " +
      "AWS-managed aws/ebs key, whose policy cannot restrict who may attach a copy of a snapshot.",
    validateResource: validateTypeToken<aws.ebs.VolumeArgs>("aws:ebs/volume:Volume", (volume, args, report) => {
      if (volume.encrypted !== true) args.notApplicable("unencrypted volumes are aws-ec2-launch-template-volumes-encrypted's");
      if (!isSetOrPending(() => volume.kmsKeyId)) report("kmsKeyId is not set: the volume is encrypted with the AWS-managed aws/ebs key. Set kmsKeyId to a customer-managed key.");
    }),
  },
  { vendor: "aws", services: ["ebs"], topics: ["encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "medium" },
);
