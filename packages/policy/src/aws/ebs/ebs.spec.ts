import { describe, expect, it } from "@jest/globals";
import { res, runPolicy, unknown, violations } from "../../testing";

const VOLUME = "aws:ebs/volume:Volume";
const DEFAULT_ENCRYPTION = "aws:ebs/encryptionByDefault:EncryptionByDefault";
const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd";

describe("aws-ebs-volume-encrypted-with-kms", () => {
  const policy = "aws-ebs-volume-encrypted-with-kms";

  it("counts a key ARN unknown during preview (a key created in the same update) as set", async () => {
    const result = await runPolicy(policy, [res(VOLUME, "data", { availabilityZone: "us-east-1a", size: 10, encrypted: true, kmsKeyId: unknown })]);
    expect({ violations: result.violations, indeterminate: result.indeterminate }).toEqual({ violations: [], indeterminate: [] });
  });


  it("passes a volume with a customer KMS key, and leaves an unencrypted volume to the encryption policy", async () => {
    const resources = [res(VOLUME, "data", { availabilityZone: "us-east-1a", size: 10, encrypted: true, kmsKeyId: KEY }), res(VOLUME, "plain", { availabilityZone: "us-east-1a", size: 10 })];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("flags an encrypted volume on the AWS-managed key", async () => {
    expect(await violations(policy, [res(VOLUME, "data", { availabilityZone: "us-east-1a", size: 10, encrypted: true })])).toEqual([
      "kmsKeyId is not set: the volume is encrypted with the AWS-managed aws/ebs key. Set kmsKeyId to a customer-managed key.",
    ]);
  });
});

describe("aws-ebs-default-encryption-enabled", () => {
  const policy = "aws-ebs-default-encryption-enabled";

  it("passes default encryption on, explicitly or by default", async () => {
    expect(await violations(policy, [res(DEFAULT_ENCRYPTION, "on", { enabled: true }), res(DEFAULT_ENCRYPTION, "default", {})])).toEqual([]);
  });

  it("flags default encryption turned off", async () => {
    expect(await violations(policy, [res(DEFAULT_ENCRYPTION, "off", { enabled: false })])).toEqual([
      "enabled is false: EBS default encryption is off for the region. Remove it or set it to true.",
    ]);
  });
});
