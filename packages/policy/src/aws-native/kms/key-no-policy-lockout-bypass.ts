import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** aws-native KMS keys keep KMS's key-policy lockout safety check. */
export const awsNativeKmsKeyNoPolicyLockoutBypass = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-kms-key-no-policy-lockout-bypass",
    description:
      "aws-native KMS keys must not set bypassPolicyLockoutSafetyCheck true: KMS would then accept a key policy that " +
      "locks every principal (the account root included) out of managing the key, making it and its data unrecoverable.",
    validateResource: validateTypeToken<{ bypassPolicyLockoutSafetyCheck?: boolean }>("aws-native:kms:Key", (key, _args, report) => {
      if (key.bypassPolicyLockoutSafetyCheck === true) report("bypassPolicyLockoutSafetyCheck is true: remove it so KMS refuses a key policy that would lock everyone out.");
    }),
  },
  { vendor: "aws-native", services: ["kms"], topics: ["encryption", "access"], frameworks: ["iso27001", "pcidss"], severity: "critical" },
);
