import type { ResourceValidationPolicy } from "@pulumi/policy";
import { publicPolicyProblem } from "../../lib/aws-policy-document";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** No aws-native KMS key policy lets everyone use or manage the key. */
export const awsNativeKmsKeyPolicyNotPublic = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-kms-key-policy-not-public",
    description:
      'aws-native KMS key policies (keyPolicy) must not Allow Principal "*" without a condition that restricts the caller ' +
      "(kms:CallerAccount, aws:PrincipalOrgID, ...): anyone could decrypt the data the key protects.",
    validateResource: validateTypeToken<{ keyPolicy?: unknown }>("aws-native:kms:Key", (key, _args, report) => {
      const problem = publicPolicyProblem(key.keyPolicy, "keyPolicy");
      if (problem) report(problem);
    }),
  },
  { vendor: "aws-native", services: ["kms"], topics: ["access", "encryption"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "critical" },
);
