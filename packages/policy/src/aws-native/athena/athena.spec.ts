import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const group = (workGroupConfiguration?: Record<string, unknown>) => res("aws-native:athena:WorkGroup", "analytics", { name: "analytics", workGroupConfiguration });
const encrypted = (encryptionConfiguration: Record<string, unknown>) => ({ resultConfiguration: { outputLocation: "s3://results/", encryptionConfiguration } });

describe("aws-native-athena-workgroup-encrypted-with-kms", () => {
  const policy = "aws-native-athena-workgroup-encrypted-with-kms";

  it("passes SSE_KMS with a customer key", async () => {
    expect(await violations(policy, [group(encrypted({ encryptionOption: "SSE_KMS", kmsKey: "arn:aws:kms:eu-west-1:1:key/x" }))])).toEqual([]);
  });

  it("flags no encryption, SSE_S3, a missing key and an unenforced configuration", async () => {
    expect(await violations(policy, [group(), group(encrypted({ encryptionOption: "SSE_S3" }))])).toEqual([
      'workGroupConfiguration.resultConfiguration.encryptionConfiguration is not set: query results are written to S3 unencrypted. Set encryptionOption "SSE_KMS" with kmsKey.',
      'workGroupConfiguration.resultConfiguration.encryptionConfiguration.encryptionOption is "SSE_S3", not a KMS option: set "SSE_KMS" with a customer-managed kmsKey.',
    ]);
    expect(await violations(policy, [group({ ...encrypted({ encryptionOption: "CSE_KMS" }), enforceWorkGroupConfiguration: false })])).toEqual([
      "workGroupConfiguration.resultConfiguration.encryptionConfiguration.kmsKey is not set: results use the AWS-managed aws/s3 key; name a customer-managed key.",
      "workGroupConfiguration.enforceWorkGroupConfiguration is false: clients can override the encryption settings. Remove it (the default is true).",
    ]);
  });
});
