import { describe, expect, it } from "@jest/globals";
import { dependsOn, flagged, res, runPolicy, unknown, via, violations } from "../../testing";

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const SSE_V2 = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
const PAB = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd";

const kmsRules = (key: unknown = KEY_ARN) => [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key } }];

describe("aws-s3-bucket-encrypted-with-kms", () => {
  const policy = "aws-s3-bucket-encrypted-with-kms";

  it("passes a bucket with a standalone configuration using a customer KMS key, matched by bucket name", async () => {
    const bucket = res(BUCKET, "data", { bucket: "data-bucket" });
    const sse = res(SSE, "data-sse", { bucket: "data-bucket", rules: kmsRules() });
    expect(await violations(policy, [bucket, sse])).toEqual([]);
  });

  it("passes a V2 configuration matched by property dependency while the bucket id is unknown (preview)", async () => {
    const bucket = res(BUCKET_V2, "data", { bucket: unknown });
    const sse = via(res(SSE_V2, "data-sse", { bucket: unknown, rules: kmsRules(unknown) }), "bucket", bucket);
    const result = await violations(policy, [bucket, sse]);
    expect(result).toEqual([]);
  });

  it("passes a bucket encrypted inline with a customer KMS key (aws.s3.Bucket and the BucketV2 list shape)", async () => {
    const v7 = res(BUCKET, "a", { serverSideEncryptionConfiguration: { rule: kmsRules()[0] } });
    const v2 = res(BUCKET_V2, "b", {
      serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN }] }] }],
    });
    expect(await violations(policy, [v7, v2])).toEqual([]);
  });

  it("flags a bucket with no encryption configuration at all", async () => {
    expect(await violations(policy, [res(BUCKET, "naked", { bucket: "naked" })])).toEqual([
      "Bucket naked has no server-side encryption configuration; S3's default (SSE-S3, AES256) is not a customer KMS key.",
    ]);
  });

  it("flags a bucket encrypted with AES256 instead of a customer KMS key", async () => {
    const bucket = res(BUCKET, "data", { bucket: "data" });
    const sse = res(SSE, "data-sse", { bucket: "data", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] });
    expect(await flagged(policy, [bucket, sse])).toEqual(["data-sse"]);
    expect((await violations(policy, [bucket, sse]))[0]).toContain("encrypts with AES256 (S3-managed keys)");
  });

  it("flags aws:kms without kmsMasterKeyId (the AWS-managed aws/s3 key)", async () => {
    const bucket = res(BUCKET, "inline", { serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } } } });
    expect(await violations(policy, [bucket])).toEqual([
      "Bucket inline uses aws:kms without kmsMasterKeyId, i.e. the AWS-managed aws/s3 key, not a customer KMS key.",
    ]);
  });

  it("does not let a configuration of another bucket cover this one", async () => {
    const a = res(BUCKET, "a", { bucket: "a" });
    const b = res(BUCKET, "b", { bucket: "b" });
    const sse = dependsOn(res(SSE, "a-sse", { bucket: "a", rules: kmsRules() }), a);
    expect(await flagged(policy, [a, b, sse])).toEqual(["b"]);
  });
});

describe("aws-s3-public-access-block-enabled", () => {
  const policy = "aws-s3-public-access-block-enabled";
  const allOn = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

  it("passes a bucket whose public access block sets all four flags", async () => {
    const bucket = res(BUCKET, "data", { bucket: unknown });
    const block = dependsOn(res(PAB, "data-pab", { bucket: unknown, ...allOn }), bucket);
    expect(await violations(policy, [bucket, block])).toEqual([]);
  });

  it("flags a public access block that leaves blockPublicPolicy off", async () => {
    const bucket = res(BUCKET, "data", { bucket: "data" });
    const block = res(PAB, "data-pab", { bucket: "data", ...allOn, blockPublicPolicy: false, restrictPublicBuckets: undefined });
    expect(await violations(policy, [bucket, block])).toEqual(["Public access block data-pab does not set blockPublicPolicy, restrictPublicBuckets to true."]);
  });

  it("flags a bucket without any public access block", async () => {
    expect(await violations(policy, [res(BUCKET_V2, "open", { bucket: "open" })])).toEqual(["Bucket open has no BucketPublicAccessBlock."]);
  });
});

describe("aws-s3-no-public-acl", () => {
  const policy = "aws-s3-no-public-acl";

  it("passes a private bucket and a private BucketAclV2", async () => {
    expect(await violations(policy, [res(BUCKET, "a", { acl: "private" }), res("aws:s3/bucketAclV2:BucketAclV2", "acl", { bucket: "a", acl: "private" })])).toEqual([]);
  });

  it("flags a bucket with the public-read canned ACL", async () => {
    expect(await violations(policy, [res(BUCKET, "site", { acl: "public-read" })])).toEqual(['The bucket uses the public canned ACL "public-read".']);
  });

  it("flags a standalone BucketAclV2 that grants READ to AllUsers", async () => {
    const acl = res("aws:s3/bucketAclV2:BucketAclV2", "acl", {
      bucket: "a",
      accessControlPolicy: {
        owner: { id: "owner" },
        grants: [{ permission: "READ", grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers" } }],
      },
    });
    expect(await violations(policy, [acl])).toEqual(["The bucket ACL grants access to http://acs.amazonaws.com/groups/global/AllUsers."]);
  });

  it("flags a legacy BucketAcl with public-read-write", async () => {
    expect(await flagged(policy, [res("aws:s3/bucketAcl:BucketAcl", "legacy", { bucket: "a", acl: "public-read-write" })])).toEqual(["legacy"]);
  });
});

const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const statement = (extra: Record<string, unknown>) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*", ...extra }] });

describe("aws-s3-bucket-policy-not-public", () => {
  const policy = "aws-s3-bucket-policy-not-public";

  it("passes a policy naming an account, a Principal * restricted to a source ARN or an organization, and a Deny for everyone", async () => {
    const resources = [
      res(BUCKET_POLICY, "account", { bucket: "b", policy: statement({ Principal: { AWS: "arn:aws:iam::111122223333:root" } }) }),
      res(BUCKET_POLICY, "cloudfront", { bucket: "b", policy: statement({ Principal: { Service: "cloudfront.amazonaws.com" }, Condition: { StringEquals: { "AWS:SourceArn": "arn:aws:cloudfront::1:distribution/E1" } } }) }),
      res(BUCKET_POLICY, "org", { bucket: "b", policy: statement({ Principal: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-123" } } }) }),
      res(BUCKET_POLICY, "tls-only", { bucket: "b", policy: JSON.stringify({ Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } } }] }) }),
      res(BUCKET, "no-policy", {}),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it('flags Principal "*" and { AWS: ["*"] } without a restricting condition, inline or as an object document, naming the statement', async () => {
    const resources = [
      res(BUCKET_POLICY, "public", { bucket: "b", policy: statement({ Sid: "PublicRead", Principal: "*" }) }),
      res(BUCKET_POLICY, "tls-condition-only", { bucket: "b", policy: { Statement: [{ Effect: "Allow", Principal: { AWS: ["*"] }, Action: "s3:GetObject", Condition: { Bool: { "aws:SecureTransport": "true" } } }] } }),
      res(BUCKET, "inline", { policy: statement({ Principal: "*" }) }),
    ];
    expect(await flagged(policy, resources)).toEqual(["public", "tls-condition-only", "inline"]);
    expect((await violations(policy, resources.slice(0, 1)))[0]).toBe(
      'The bucket policy allows Principal "*" in statement "PublicRead" without a condition that restricts the caller: anyone on the internet can use it. ' +
        "Name the principals (account or role ARNs), or add a Condition on aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, aws:SourceVpce or a similar key.",
    );
  });

  it("cannot judge a policy document that is unknown during preview", async () => {
    const result = await runPolicy(policy, [res(BUCKET_POLICY, "later", { bucket: "b", policy: unknown })]);
    expect(result.violations).toEqual([]);
    expect(result.indeterminate.map((v) => v.policyName)).toEqual([policy]);
  });
});

describe("aws-s3-bucket-key-enabled", () => {
  const policy = "aws-s3-bucket-key-enabled";
  const rule = (bucketKeyEnabled?: unknown, sseAlgorithm = "aws:kms") => ({ applyServerSideEncryptionByDefault: { sseAlgorithm, kmsMasterKeyId: KEY_ARN }, ...(bucketKeyEnabled === undefined ? {} : { bucketKeyEnabled }) });

  it("passes SSE-KMS with a bucket key (standalone and inline), AES256 and DSSE rules, and a bucket without encryption (another policy's)", async () => {
    const bucket = res(BUCKET, "data", {}, { id: "data" });
    const resources = [
      bucket,
      res(SSE, "data", { bucket: "data", rule: rule(true) }),
      res(BUCKET, "inline", { serverSideEncryptionConfiguration: { rule: rule(true) } }),
      res(SSE_V2, "aes", { bucket: "x", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] }),
      res(SSE, "dsse", { bucket: "y", rule: rule(undefined, "aws:kms:dsse") }),
      res(BUCKET, "plain", {}),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("flags an SSE-KMS configuration without bucketKeyEnabled, and an inline rule with it false", async () => {
    const resources = [res(SSE, "data", { bucket: "data", rule: rule() }), res(BUCKET, "inline", { serverSideEncryptionConfiguration: { rule: rule(false) } })];
    expect(await violations(policy, resources)).toEqual([
      "Encryption configuration data encrypts with SSE-KMS but rule 0 leaves bucketKeyEnabled off: every object request calls KMS (cost, throttling, a CloudTrail event per object). Set bucketKeyEnabled true.",
      "Bucket inline encrypts with SSE-KMS but rule 0 leaves bucketKeyEnabled off: every object request calls KMS (cost, throttling, a CloudTrail event per object). Set bucketKeyEnabled true.",
    ]);
  });

  it("skips a rule whose bucketKeyEnabled is unknown during preview", async () => {
    expect(await violations(policy, [res(SSE, "data", { bucket: "data", rule: rule(unknown) })])).toEqual([]);
  });
});
