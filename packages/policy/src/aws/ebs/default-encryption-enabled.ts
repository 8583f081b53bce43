import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** The program does not turn EBS encryption by default off for the account and region. */
export const awsEbsDefaultEncryptionEnabled = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-ebs-default-encryption-enabled",
    description:
      "aws.ebs.EncryptionByDefault must not set enabled false: with default encryption off, every volume and snapshot created " +
      "in the region without an explicit encrypted flag (by any tool, not only this program) is stored unencrypted.",
    validateResource: validateTypeToken<aws.ebs.EncryptionByDefaultArgs>("aws:ebs/encryptionByDefault:EncryptionByDefault", (setting, _args, report) => {
      if (setting.enabled === false) report("enabled is false: EBS default encryption is off for the region. Remove it or set it to true.");
    }),
  },
  { vendor: "aws", services: ["ebs"], topics: ["encryption"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "high" },
);
