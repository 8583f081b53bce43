import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const stream = (streamEncryption?: Record<string, unknown>) => res("aws-native:kinesis:Stream", "events", { shardCount: 1, streamEncryption });

describe("aws-native-kinesis-stream-encrypted-with-kms", () => {
  const policy = "aws-native-kinesis-stream-encrypted-with-kms";

  it("passes KMS with a customer key", async () => {
    expect(await violations(policy, [stream({ encryptionType: "KMS", keyId: "arn:aws:kms:eu-west-1:1:key/x" })])).toEqual([]);
  });

  it("flags no encryption and the AWS-managed key", async () => {
    expect(await violations(policy, [stream(), stream({ encryptionType: "KMS", keyId: "alias/aws/kinesis" })])).toEqual([
      "streamEncryption is not set with encryptionType KMS: records are stored unencrypted. Set it with a customer-managed keyId.",
      "streamEncryption.keyId is alias/aws/kinesis: name a customer-managed key, not the AWS-managed alias/aws/kinesis.",
    ]);
  });
});
