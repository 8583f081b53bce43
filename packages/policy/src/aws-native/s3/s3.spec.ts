import { describe, expect, it } from "@jest/globals";
import { res, runPolicy, unknown, violations } from "../../testing";

const KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234";
const rule = (byDefault: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ serverSideEncryptionByDefault: byDefault, ...extra });
const bucket = (inputs: Record<string, unknown>) => res("aws-native:s3:Bucket", "data", inputs);
const kmsBucket = (extra: Record<string, unknown> = {}) =>
  bucket({ bucketEncryption: { serverSideEncryptionConfiguration: [rule({ sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY }, { bucketKeyEnabled: true })] }, ...extra });

describe("aws-native-s3-bucket-encrypted-with-kms", () => {
  const policy = "aws-native-s3-bucket-encrypted-with-kms";

  it("passes SSE-KMS and DSSE-KMS with a customer key", async () => {
    expect(await violations(policy, [kmsBucket()])).toEqual([]);
    expect(await violations(policy, [bucket({ bucketEncryption: { serverSideEncryptionConfiguration: [rule({ sseAlgorithm: "aws:kms:dsse", kmsMasterKeyId: KEY })] } })])).toEqual([]);
  });

  it("flags no encryption, AES256, and aws:kms without a key", async () => {
    expect(await violations(policy, [bucket({})])).toEqual([
      "bucketEncryption is not set: objects use S3's default SSE-S3 (AES256). Set serverSideEncryptionByDefault with sseAlgorithm aws:kms and kmsMasterKeyId.",
    ]);
    expect(
      await violations(policy, [bucket({ bucketEncryption: { serverSideEncryptionConfiguration: [rule({ sseAlgorithm: "AES256" }), rule({ sseAlgorithm: "aws:kms" })] } })]),
    ).toEqual([
      "serverSideEncryptionConfiguration[0] uses AES256, not aws:kms: set sseAlgorithm aws:kms with a kmsMasterKeyId.",
      "serverSideEncryptionConfiguration[1] has no kmsMasterKeyId: objects use the AWS-managed aws/s3 key; name a customer-managed key.",
    ]);
  });

  it("counts a key created in the same update (unknown in preview) as set, so the check runs", async () => {
    const result = await runPolicy(policy, [bucket({ bucketEncryption: { serverSideEncryptionConfiguration: [rule({ sseAlgorithm: "aws:kms", kmsMasterKeyId: unknown })] } })]);
    expect(result.violations).toEqual([]);
    expect(result.indeterminate).toEqual([]);
  });
});

describe("aws-native-s3-bucket-key-enabled", () => {
  const policy = "aws-native-s3-bucket-key-enabled";

  it("passes SSE-KMS with a bucket key, and non-KMS buckets", async () => {
    expect(await violations(policy, [kmsBucket(), bucket({})])).toEqual([]);
  });

  it("flags SSE-KMS without a bucket key", async () => {
    expect(await violations(policy, [bucket({ bucketEncryption: { serverSideEncryptionConfiguration: [rule({ sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY })] } })])).toEqual([
      "serverSideEncryptionConfiguration[0] uses aws:kms without bucketKeyEnabled true: set it so S3 does not call KMS for every object.",
    ]);
  });
});

describe("aws-native-s3-no-public-access", () => {
  const policy = "aws-native-s3-no-public-access";
  const block = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

  it("passes a fully blocked bucket", async () => {
    expect(await violations(policy, [kmsBucket({ publicAccessBlockConfiguration: block })])).toEqual([]);
  });

  it("flags missing block flags and a public canned ACL", async () => {
    expect(await violations(policy, [kmsBucket({ publicAccessBlockConfiguration: { ...block, restrictPublicBuckets: false }, accessControl: "PublicRead" })])).toEqual([
      "publicAccessBlockConfiguration does not set restrictPublicBuckets to true: set all four so no ACL or policy can make objects public.",
      "accessControl is PublicRead: the bucket is readable by anyone; remove it (the default is Private).",
    ]);
    expect(await violations(policy, [bucket({})])).toEqual([
      "publicAccessBlockConfiguration does not set blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets to true: set all four so no ACL or policy can make objects public.",
    ]);
  });
});

describe("aws-native-s3-bucket-policy-not-public", () => {
  const policy = "aws-native-s3-bucket-policy-not-public";
  const bucketPolicy = (name: string, document: unknown) => res("aws-native:s3:BucketPolicy", name, { bucket: "data", policyDocument: document });

  it("passes named principals, a caller-restricting condition, and Deny statements", async () => {
    expect(
      await violations(policy, [
        bucketPolicy("account", { Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "s3:GetObject", Resource: "*" }] }),
        bucketPolicy("vpce", JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Condition: { StringEquals: { "aws:SourceVpce": "vpce-1" } } }] })),
        bucketPolicy("deny", { Statement: { Effect: "Deny", Principal: "*", Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } } } }),
      ]),
    ).toEqual([]);
  });

  it("flags Principal \"*\" as an object and as JSON text", async () => {
    const found = await violations(policy, [
      bucketPolicy("public", { Statement: [{ Sid: "Public", Effect: "Allow", Principal: { AWS: ["*"] }, Action: "s3:GetObject" }] }),
      bucketPolicy("text", JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject" }] })),
    ]);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^policyDocument allows Principal "\*" in statement "Public"/);
  });
});
