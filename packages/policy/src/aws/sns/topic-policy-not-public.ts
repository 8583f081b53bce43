import type { ResourceValidationPolicy } from "@pulumi/policy";
import { validatePolicyInput } from "../../lib/aws-policy-document";
import { definePolicy } from "../../lib/registry";

/** No SNS topic policy lets everyone publish or subscribe (Principal "*" without a restricting condition). */
export const awsSnsTopicPolicyNotPublic = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-sns-topic-policy-not-public",
    description:
      'SNS topic policies (aws.sns.Topic policy, aws.sns.TopicPolicy) must not allow Principal "*" without a condition that ' +
      "restricts the caller (aws:SourceArn, aws:SourceAccount, ...): anyone could publish to the topic or subscribe to its messages.",
    validateResource: [
      validatePolicyInput("aws:sns/topic:Topic", "The topic policy"),
      validatePolicyInput("aws:sns/topicPolicy:TopicPolicy", "The topic policy"),
    ],
  },
  { vendor: "aws", services: ["sns"], topics: ["access"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "critical" },
);
