import { describe, expect, it } from "@jest/globals";
import { flagged, res, runPolicy, unknown, violations } from "../../testing";

const REPOSITORY = "aws:ecr/repository:Repository";
const REPOSITORY_POLICY = "aws:ecr/repositoryPolicy:RepositoryPolicy";
const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd";
const pull = (extra: Record<string, unknown>) => JSON.stringify({ Statement: [{ Effect: "Allow", Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], ...extra }] });

describe("aws-ecr-repository-encrypted-with-kms", () => {
  const policy = "aws-ecr-repository-encrypted-with-kms";

  it("counts a key ARN unknown during preview (a key created in the same update) as set", async () => {
    const result = await runPolicy(policy, [res(REPOSITORY, "images", { encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: unknown }] })]);
    expect({ violations: result.violations, indeterminate: result.indeterminate }).toEqual({ violations: [], indeterminate: [] });
  });


  it("passes a repository encrypted with a customer KMS key", async () => {
    expect(await violations(policy, [res(REPOSITORY, "images", { encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: KEY }] })])).toEqual([]);
  });

  it("flags the AES256 default, and KMS with the AWS-managed key", async () => {
    const resources = [res(REPOSITORY, "default", {}), res(REPOSITORY, "managed", { encryptionConfigurations: [{ encryptionType: "KMS" }] })];
    expect(await violations(policy, resources)).toEqual([
      'encryptionConfigurations encryptionType is AES256 (unset), not "KMS": set encryptionType "KMS" with kmsKey to a customer-managed key.',
      "encryptionConfigurations kmsKey is not set: ECR uses the AWS-managed aws/ecr key. Set kmsKey to a customer-managed key.",
    ]);
  });
});

describe("aws-ecr-repository-policy-not-public", () => {
  const policy = "aws-ecr-repository-policy-not-public";

  it("passes a policy for named accounts or restricted to the organization", async () => {
    const resources = [
      res(REPOSITORY_POLICY, "accounts", { repository: "r", policy: pull({ Principal: { AWS: ["arn:aws:iam::222233334444:root"] } }) }),
      res(REPOSITORY_POLICY, "org", { repository: "r", policy: pull({ Principal: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-1" } } }) }),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it('flags a policy that lets Principal "*" pull', async () => {
    expect(await flagged(policy, [res(REPOSITORY_POLICY, "public", { repository: "r", policy: pull({ Principal: "*" }) })])).toEqual(["public"]);
  });
});
