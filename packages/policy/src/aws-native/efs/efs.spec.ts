import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const fs = (inputs: Record<string, unknown>) => res("aws-native:efs:FileSystem", "shared", inputs);

describe("aws-native-efs-file-system-encrypted-with-kms", () => {
  const policy = "aws-native-efs-file-system-encrypted-with-kms";

  it("passes encryption with a customer key", async () => {
    expect(await violations(policy, [fs({ encrypted: true, kmsKeyId: "key" })])).toEqual([]);
  });

  it("flags no encryption and the AWS-managed key", async () => {
    expect(await violations(policy, [fs({}), fs({ encrypted: true })])).toEqual([
      "encrypted is not true: the file system is unencrypted, and cannot be encrypted later. Set it with a kmsKeyId.",
      "kmsKeyId is not set: the file system uses the AWS-managed aws/elasticfilesystem key; name a customer-managed key.",
    ]);
  });
});
