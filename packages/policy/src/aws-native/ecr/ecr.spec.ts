import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const repo = (encryptionConfiguration?: Record<string, unknown>) => res("aws-native:ecr:Repository", "images", { encryptionConfiguration });

describe("aws-native-ecr-repository-encrypted-with-kms", () => {
  const policy = "aws-native-ecr-repository-encrypted-with-kms";

  it("passes KMS with a customer key", async () => {
    expect(await violations(policy, [repo({ encryptionType: "KMS", kmsKey: "arn:aws:kms:eu-west-1:1:key/x" })])).toEqual([]);
  });

  it("flags the AES256 default and KMS without a key", async () => {
    expect(await violations(policy, [repo(), repo({ encryptionType: "KMS" })])).toEqual([
      'encryptionConfiguration.encryptionType is AES256: set "KMS" with a customer-managed kmsKey.',
      "encryptionConfiguration.kmsKey is not set: images use the AWS-managed aws/ecr key; name a customer-managed key.",
    ]);
  });
});

describe("aws-native-ecr-repository-policy-not-public", () => {
  const policy = "aws-native-ecr-repository-policy-not-public";
  const withPolicy = (document: unknown) => res("aws-native:ecr:Repository", "images", { repositoryPolicyText: document });

  it("passes pulls for an account", async () => {
    expect(await violations(policy, [withPolicy({ Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "ecr:BatchGetImage" }] })])).toEqual([]);
  });

  it("flags pulls for everyone", async () => {
    const found = await violations(policy, [withPolicy({ Statement: [{ Effect: "Allow", Principal: "*", Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] }] })]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^repositoryPolicyText allows Principal "\*"/);
  });
});
