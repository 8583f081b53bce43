import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const inline = (statement: Record<string, unknown>) =>
  res("aws-native:sqs:QueueInlinePolicy", "q", { queue: "https://sqs/q", policyDocument: { Statement: [{ Effect: "Allow", Action: "sqs:SendMessage", Resource: "*", ...statement }] } });

describe("aws-native-sqs-queue-policy-not-public", () => {
  const policy = "aws-native-sqs-queue-policy-not-public";

  it("passes a queue policy for one topic's deliveries", async () => {
    expect(await violations(policy, [inline({ Principal: { Service: "sns.amazonaws.com" }, Condition: { ArnEquals: { "aws:SourceArn": "arn:t" } } })])).toEqual([]);
  });

  it("flags sends from everyone", async () => {
    const found = await violations(policy, [inline({ Principal: "*" })]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^policyDocument allows Principal "\*"/);
  });
});
