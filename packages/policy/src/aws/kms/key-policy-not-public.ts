import type { ResourceValidationPolicy } from "@pulumi/policy";
import { validatePolicyInput } from "../../lib/aws-policy-document";
import { definePolicy } from "../../lib/registry";

/** No KMS key policy lets everyone use or manage the key (Principal "*" without a restricting condition). */
export const awsKmsKeyPolicyNotPublic = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-kms-key-policy-not-public",
    description:
      'KMS key policies (aws.kms.Key policy, aws.kms.KeyPolicy) must not allow Principal "*" without a condition that ' +
      "restricts the caller (kms:CallerAccount, kms:ViaService, aws:PrincipalOrgID, ...): anyone could decrypt the data the key protects.",
    validateResource: [
      validatePolicyInput("aws:kms/key:Key", "The key policy"),
      validatePolicyInput("aws:kms/keyPolicy:KeyPolicy", "The key policy"),
    ],
  },
  { vendor: "aws", services: ["kms"], topics: ["access", "encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "critical" },
);
