import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const doc = (principal: unknown, condition?: unknown) => ({ Statement: [{ Effect: "Allow", Principal: principal, Action: "sns:Publish", Resource: "*", ...(condition ? { Condition: condition } : {}) }] });

describe("aws-native-sns-topic-policy-not-public", () => {
  const policy = "aws-native-sns-topic-policy-not-public";

  it("passes a service principal and a caller-restricted Principal \"*\"", async () => {
    expect(
      await violations(policy, [
        res("aws-native:sns:TopicPolicy", "p", { topics: ["arn:t"], policyDocument: doc({ Service: "events.amazonaws.com" }) }),
        res("aws-native:sns:TopicInlinePolicy", "i", { topicArn: "arn:t", policyDocument: doc("*", { ArnLike: { "aws:SourceArn": "arn:aws:s3:::data" } }) }),
      ]),
    ).toEqual([]);
  });

  it("flags publishing for everyone on both policy resources", async () => {
    const found = await violations(policy, [
      res("aws-native:sns:TopicPolicy", "p", { topics: ["arn:t"], policyDocument: doc("*") }),
      res("aws-native:sns:TopicInlinePolicy", "i", { topicArn: "arn:t", policyDocument: doc({ AWS: "*" }) }),
    ]);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^policyDocument allows Principal "\*"/);
  });
});
