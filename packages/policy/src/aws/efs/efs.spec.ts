import { describe, expect, it } from "@jest/globals";
import { res, runPolicy, unknown, violations } from "../../testing";

const FILE_SYSTEM = "aws:efs/fileSystem:FileSystem";
const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd";

describe("aws-efs-file-system-encrypted-with-kms", () => {
  const policy = "aws-efs-file-system-encrypted-with-kms";

  it("counts a key ARN unknown during preview (a key created in the same update) as set", async () => {
    const result = await runPolicy(policy, [res(FILE_SYSTEM, "shared", { encrypted: true, kmsKeyId: unknown })]);
    expect({ violations: result.violations, indeterminate: result.indeterminate }).toEqual({ violations: [], indeterminate: [] });
  });


  it("passes a file system encrypted with a customer KMS key", async () => {
    expect(await violations(policy, [res(FILE_SYSTEM, "shared", { encrypted: true, kmsKeyId: KEY })])).toEqual([]);
  });

  it("flags an unencrypted file system and one on the AWS-managed key", async () => {
    expect(await violations(policy, [res(FILE_SYSTEM, "plain", {}), res(FILE_SYSTEM, "managed", { encrypted: true })])).toEqual([
      "encrypted is not true: the file system is stored unencrypted. Set encrypted true with kmsKeyId.",
      "kmsKeyId is not set: the file system is encrypted with the AWS-managed aws/elasticfilesystem key. Set kmsKeyId to a customer-managed key.",
    ]);
  });
});
