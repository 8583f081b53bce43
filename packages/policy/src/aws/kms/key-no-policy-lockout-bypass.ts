import type * as aws from "@pulumi/aws";
import type { ReportViolation, ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

function check(bypass: boolean | undefined, report: ReportViolation): void {
  if (bypass === true) {
    report(
      "bypassPolicyLockoutSafetyCheck is true: KMS accepts a key policy that locks every principal out of managing the key, " +
        "and the key (with the data it protects) becomes unmanageable. Remove the flag and make the policy grant key administration.",
    );
  }
}

/** No KMS key or key policy skips KMS's check that the policy leaves the key manageable. */
export const awsKmsKeyNoPolicyLockoutBypass = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-kms-key-no-policy-lockout-bypass",
    description:
      "KMS keys and key policies (aws.kms.Key, aws.kms.KeyPolicy) must not set bypassPolicyLockoutSafetyCheck: the safety check " +
      "refuses a key policy under which nobody could manage the key again.",
    validateResource: [
      validateTypeToken<aws.kms.KeyArgs>("aws:kms/key:Key", (key, _args, report) => check(key.bypassPolicyLockoutSafetyCheck, report)),
      validateTypeToken<aws.kms.KeyPolicyArgs>("aws:kms/keyPolicy:KeyPolicy", (policy, _args, report) => check(policy.bypassPolicyLockoutSafetyCheck, report)),
    ],
  },
  { vendor: "aws", services: ["kms"], topics: ["encryption", "access"], frameworks: [], severity: "critical" },
);
