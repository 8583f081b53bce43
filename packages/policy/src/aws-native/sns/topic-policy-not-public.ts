import type { ResourceValidationPolicy } from "@pulumi/policy";
import { publicPolicyProblem } from "../../lib/aws-policy-document";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** No aws-native SNS topic policy lets everyone publish or subscribe. */
export const awsNativeSnsTopicPolicyNotPublic = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-sns-topic-policy-not-public",
    description:
      'aws-native SNS TopicPolicy and TopicInlinePolicy documents must not Allow Principal "*" without a condition that ' +
      "restricts the caller (aws:SourceArn, aws:SourceAccount, ...): anyone could publish to the topic or subscribe to it.",
    validateResource: ["aws-native:sns:TopicPolicy", "aws-native:sns:TopicInlinePolicy"].map((token) =>
      validateTypeToken<{ policyDocument?: unknown }>(token, (policy, _args, report) => {
        const problem = publicPolicyProblem(policy.policyDocument, "policyDocument");
        if (problem) report(problem);
      }),
    ),
  },
  { vendor: "aws-native", services: ["sns"], topics: ["access"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
