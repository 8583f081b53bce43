import type { ResourceValidationPolicy } from "@pulumi/policy";
import { publicPolicyProblem } from "../../lib/aws-policy-document";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** No aws-native SQS queue policy lets everyone send or receive. */
export const awsNativeSqsQueuePolicyNotPublic = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-sqs-queue-policy-not-public",
    description:
      'aws-native SQS QueueInlinePolicy documents must not Allow Principal "*" without a condition that restricts the caller ' +
      "(aws:SourceArn, aws:SourceAccount, ...): anyone could send messages to the queue or read them.",
    validateResource: validateTypeToken<{ policyDocument?: unknown }>("aws-native:sqs:QueueInlinePolicy", (policy, _args, report) => {
      const problem = publicPolicyProblem(policy.policyDocument, "policyDocument");
      if (problem) report(problem);
    }),
  },
  { vendor: "aws-native", services: ["sqs"], topics: ["access"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
