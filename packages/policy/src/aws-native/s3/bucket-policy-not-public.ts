import type { ResourceValidationPolicy } from "@pulumi/policy";
import { publicPolicyProblem } from "../../lib/aws-policy-document";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** No aws-native bucket policy grants access to everyone. */
export const awsNativeS3BucketPolicyNotPublic = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-s3-bucket-policy-not-public",
    description:
      'aws-native S3 BucketPolicy documents must not Allow Principal "*" (or use NotPrincipal) without a condition that ' +
      "restricts the caller (aws:SourceArn, aws:PrincipalOrgID, aws:SourceVpce, ...): the bucket's objects would be open to anyone.",
    validateResource: validateTypeToken<{ policyDocument?: unknown }>("aws-native:s3:BucketPolicy", (policy, _args, report) => {
      const problem = publicPolicyProblem(policy.policyDocument, "policyDocument");
      if (problem) report(problem);
    }),
  },
  { vendor: "aws-native", services: ["s3"], topics: ["access"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "critical" },
);
