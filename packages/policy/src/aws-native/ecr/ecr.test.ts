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
