import { describe, expect, it } from "@jest/globals";
import { flagged, res, runPolicy, unknown, violations } from "../../testing";

const RESOURCE = "aws:sns/topic:Topic";
const RESOURCE_POLICY = "aws:sns/topicPolicy:TopicPolicy";
const doc = (extra: Record<string, unknown>) => JSON.stringify({ Statement: [{ Effect: "Allow", Action: "SNS:Publish", Resource: "*", ...extra }] });

describe("aws-sns-topic-policy-not-public", () => {
  const policy = "aws-sns-topic-policy-not-public";

  it("passes a policy for a service principal restricted to a source ARN, one for an account, and no policy", async () => {
    const resources = [
      res(RESOURCE, "events", { policy: doc({ Principal: { Service: "events.amazonaws.com" } }) }),
      res(RESOURCE_POLICY, "s3", { arn: "a", queueUrl: "q", policy: doc({ Principal: "*", Condition: { ArnLike: { "aws:SourceArn": "arn:aws:s3:::bucket" } } }) }),
      res(RESOURCE_POLICY, "account", { arn: "a", queueUrl: "q", policy: doc({ Principal: { AWS: "111122223333" } }) }),
      res(RESOURCE, "plain", {}),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it('flags inline and standalone policies that allow Principal "*" without a restricting condition', async () => {
    const resources = [
      res(RESOURCE, "inline", { policy: doc({ Principal: "*" }) }),
      res(RESOURCE_POLICY, "standalone", { arn: "a", queueUrl: "q", policy: doc({ Principal: { AWS: "*" }, Condition: { Bool: { "aws:SecureTransport": "true" } } }) }),
    ];
    expect(await flagged(policy, resources)).toEqual(["inline", "standalone"]);
  });

  it("cannot judge a policy that is unknown during preview", async () => {
    const result = await runPolicy(policy, [res(RESOURCE_POLICY, "later", { arn: "a", queueUrl: "q", policy: unknown })]);
    expect([result.violations, result.indeterminate.length]).toEqual([[], 1]);
  });
});
