import { describe, expect, it } from "@jest/globals";
import { res, runPolicy, unknown, violations } from "../../testing";

const WORKGROUP = "aws:athena/workgroup:Workgroup";
const DATABASE = "aws:athena/database:Database";
const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd";
const workgroup = (encryptionConfiguration: unknown, extra: Record<string, unknown> = {}) => ({ configuration: { resultConfiguration: { outputLocation: "s3://r/", encryptionConfiguration }, ...extra } });

describe("aws-athena-encrypted-with-kms", () => {
  const policy = "aws-athena-encrypted-with-kms";

  it("counts a key ARN unknown during preview (a key created in the same update) as set", async () => {
    const result = await runPolicy(policy, [res(WORKGROUP, "analysts", workgroup({ encryptionOption: "SSE_KMS", kmsKeyArn: unknown }))]);
    expect({ violations: result.violations, indeterminate: result.indeterminate }).toEqual({ violations: [], indeterminate: [] });
  });


  it("passes a workgroup and a database that encrypt results with a customer KMS key", async () => {
    const resources = [
      res(WORKGROUP, "analysts", workgroup({ encryptionOption: "SSE_KMS", kmsKeyArn: KEY })),
      res(DATABASE, "lake", { bucket: "b", encryptionConfiguration: { encryptionOption: "CSE_KMS", kmsKey: KEY } }),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("flags unencrypted results, SSE_S3, a missing key and a workgroup that lets clients override it", async () => {
    const resources = [
      res(WORKGROUP, "none", { configuration: {} }),
      res(WORKGROUP, "s3", workgroup({ encryptionOption: "SSE_S3" }, { enforceWorkgroupConfiguration: false })),
      res(DATABASE, "no-key", { bucket: "b", encryptionConfiguration: { encryptionOption: "SSE_KMS" } }),
      res(DATABASE, "none", { bucket: "b" }),
    ];
    expect(await violations(policy, resources)).toEqual([
      'configuration.resultConfiguration.encryptionConfiguration is not set: query results are written to S3 unencrypted. Set encryptionOption "SSE_KMS" with kmsKeyArn.',
      'configuration.resultConfiguration.encryptionConfiguration.encryptionOption is "SSE_S3", not a KMS option: set "SSE_KMS" (or "CSE_KMS") with kmsKeyArn to a customer-managed key.',
      "configuration.enforceWorkgroupConfiguration is false: clients can override the workgroup's encryption settings. Remove it (the default is true).",
      "encryptionConfiguration.kmsKey is not set: query results are encrypted with the AWS-managed aws/s3 key, not a customer-managed key.",
      'encryptionConfiguration is not set: query results are written to S3 unencrypted. Set encryptionOption "SSE_KMS" with kmsKey.',
    ]);
  });
});
