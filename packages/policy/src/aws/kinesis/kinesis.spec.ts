import { describe, expect, it } from "@jest/globals";
import { res, runPolicy, unknown, violations } from "../../testing";

const STREAM = "aws:kinesis/stream:Stream";

describe("aws-kinesis-stream-encrypted-with-kms", () => {
  const policy = "aws-kinesis-stream-encrypted-with-kms";

  it("counts a key ARN unknown during preview (a key created in the same update) as set", async () => {
    const result = await runPolicy(policy, [res(STREAM, "events", { encryptionType: "KMS", kmsKeyId: unknown })]);
    expect({ violations: result.violations, indeterminate: result.indeterminate }).toEqual({ violations: [], indeterminate: [] });
  });


  it("passes a stream encrypted with a KMS key", async () => {
    expect(await violations(policy, [res(STREAM, "events", { encryptionType: "KMS", kmsKeyId: "alias/data" })])).toEqual([]);
  });

  it("flags an unencrypted stream", async () => {
    expect(await violations(policy, [res(STREAM, "events", { shardCount: 1 })])).toEqual(['encryptionType is NONE (unset), not "KMS".']);
  });

  it("flags KMS encryption without a key id", async () => {
    expect(await violations(policy, [res(STREAM, "events", { encryptionType: "KMS" })])).toEqual(["encryptionType is KMS but kmsKeyId is not set."]);
  });
});
