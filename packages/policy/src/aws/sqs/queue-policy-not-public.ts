import type { ResourceValidationPolicy } from "@pulumi/policy";
import { validatePolicyInput } from "../../lib/aws-policy-document";
import { definePolicy } from "../../lib/registry";

/** No SQS queue policy lets everyone send or receive (Principal "*" without a restricting condition). */
export const awsSqsQueuePolicyNotPublic = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-sqs-queue-policy-not-public",
    description:
      'SQS queue policies (aws.sqs.Queue policy, aws.sqs.QueuePolicy) must not allow Principal "*" without a condition that ' +
      "restricts the caller (aws:SourceArn, aws:SourceAccount, ...): anyone could read the queue's messages or inject new ones.",
    validateResource: [
      validatePolicyInput("aws:sqs/queue:Queue", "The queue policy"),
      validatePolicyInput("aws:sqs/queuePolicy:QueuePolicy", "The queue policy"),
    ],
  },
  { vendor: "aws", services: ["sqs"], topics: ["access"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "critical" },
);
