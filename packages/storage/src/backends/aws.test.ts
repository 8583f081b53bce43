import { describe, expect, it } from "@jest/globals";
import { REQUIRED_TAG_KEYS } from "@mlops/core";
import { UNKNOWN, byType, childrenOf, one, runWithMocks } from "@mlops/testing";
import { ObjectStore } from "../object-store";
import type { ObjectStoreArgs } from "../types";

const tags = { project: "mlops", stack: "dev", tier: "dev", "managed-by": "pulumi", "cost-center": "ml" };
const placement = { aws: { vpcId: "vpc-1", subnetIds: ["subnet-a"], allowedCidrBlocks: ["10.0.0.0/16"] } };
const args = (extra: Partial<ObjectStoreArgs> = {}): ObjectStoreArgs => ({ backend: "aws", tier: "dev", tags, placement, ...extra });

function plan(extra: Partial<ObjectStoreArgs> = {}, preview = false) {
  return runWithMocks(
    () => {
      const s = new ObjectStore("artifacts", args(extra));
      return { bucketName: s.bucketName, url: s.url, endpoint: s.endpoint, kmsKeyId: s.kmsKeyId, native: Object.keys(s.native) };
    },
    { project: "mlops-platform", stack: "dev", preview },
  );
}

const BUCKET = "aws:s3/bucket:Bucket";
const KEY = "aws:kms/key:Key";
const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const PAB = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const LIFECYCLE = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";
const VERSIONING = "aws:s3/bucketVersioning:BucketVersioning";
const POLICY = "aws:s3/bucketPolicy:BucketPolicy";

interface Statement {
  Effect: string;
  Principal: string;
  Action: string;
  Resource: string[];
  Condition: unknown;
}

describe("ObjectStore on aws", () => {
  it("encrypts with SSE-KMS under its own rotated customer key, with S3 Bucket Keys", async () => {
    const { resources, stackOutputs } = await plan();
    const key = one(resources, KEY);
    const sse = one(resources, SSE);
    expect(key.inputs).toMatchObject({ enableKeyRotation: true, deletionWindowInDays: 30 });
    expect(sse.inputs["rules"]).toEqual([{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.outputs["arn"] }, bucketKeyEnabled: true }]);
    expect(sse.inputs["bucket"]).toBe(one(resources, BUCKET).id);
    expect(stackOutputs["kmsKeyId"]).toBe(key.outputs["arn"]);
  });

  it("blocks every public access path, disables ACLs and denies plain HTTP on the bucket and its objects", async () => {
    const { resources } = await plan();
    const bucket = one(resources, BUCKET);
    expect(one(resources, PAB).inputs).toMatchObject({ blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
    expect(one(resources, "aws:s3/bucketOwnershipControls:BucketOwnershipControls").inputs["rule"]).toEqual({ objectOwnership: "BucketOwnerEnforced" });
    const policy = one(resources, POLICY);
    const doc = JSON.parse(String(policy.inputs["policy"])) as { Statement: Statement[] };
    expect(doc.Statement).toEqual([
      {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [bucket.outputs["arn"], `${String(bucket.outputs["arn"])}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ]);
    expect(policy.dependencies).toContain(one(resources, PAB).urn);
  });

  it("versions objects and tiers them to STANDARD_IA then GLACIER_IR with the tier's days", async () => {
    const { resources } = await plan({ tier: "prod", expireAfterDays: 400 });
    expect(one(resources, VERSIONING).inputs["versioningConfiguration"]).toEqual({ status: "Enabled" });
    const lifecycle = one(resources, LIFECYCLE);
    expect(lifecycle.inputs["rules"]).toEqual([
      {
        id: "tiering-and-expiry",
        status: "Enabled",
        filter: {},
        transitions: [
          { days: 90, storageClass: "STANDARD_IA" },
          { days: 180, storageClass: "GLACIER_IR" },
        ],
        noncurrentVersionExpiration: { noncurrentDays: 90 },
        abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
        expiration: { days: 400 },
      },
    ]);
    expect(lifecycle.dependencies).toContain(one(resources, VERSIONING).urn);
  });

  it("skips the GLACIER_IR step when objects expire before it and suspends versioning on request", async () => {
    const { resources } = await plan({ versioning: false, transitionToColdAfterDays: 45, expireNoncurrentAfterDays: 5, expireAfterDays: 120 });
    const [rule] = one(resources, LIFECYCLE).inputs["rules"] as Record<string, unknown>[];
    expect(rule).toMatchObject({ transitions: [{ days: 45, storageClass: "STANDARD_IA" }], noncurrentVersionExpiration: { noncurrentDays: 5 }, expiration: { days: 120 } });
    expect(one(resources, VERSIONING).inputs["versioningConfiguration"]).toEqual({ status: "Suspended" });
  });

  it("protects the bucket and its key in prod, never force-destroys, and tags every taggable child", async () => {
    const { resources } = await plan({ tier: "prod" });
    const bucket = one(resources, BUCKET);
    expect(bucket.protect).toBe(true);
    expect(one(resources, KEY).protect).toBe(true);
    expect(bucket.inputs["forceDestroy"]).toBe(false);
    const tagged = resources.filter((r) => r.custom && "tags" in r.inputs);
    expect(tagged.map((r) => r.type).sort()).toEqual([KEY, BUCKET].sort());
    for (const r of tagged) expect(Object.keys(r.inputs["tags"] as object).sort()).toEqual([...REQUIRED_TAG_KEYS].sort());
  });

  it("uses the caller's key, leaves dev unprotected and names the bucket's own region in the endpoint", async () => {
    const { resources, stackOutputs } = await plan({ kmsKeyId: "arn:aws:kms:us-east-1:1:key/k" });
    const bucket = one(resources, BUCKET);
    expect(byType(resources, KEY)).toHaveLength(0);
    expect(bucket.protect).toBe(false);
    expect((one(resources, SSE).inputs["rules"] as { applyServerSideEncryptionByDefault: unknown }[])[0]?.applyServerSideEncryptionByDefault).toEqual({
      sseAlgorithm: "aws:kms",
      kmsMasterKeyId: "arn:aws:kms:us-east-1:1:key/k",
    });
    expect(stackOutputs).toEqual({
      bucketName: bucket.outputs["bucket"],
      url: `s3://${String(bucket.outputs["bucket"])}`,
      endpoint: "https://s3.us-east-1.amazonaws.com",
      kmsKeyId: "arn:aws:kms:us-east-1:1:key/k",
      native: ["aws"],
    });
    expect(String(stackOutputs["bucketName"])).toMatch(/^artifacts-bucket-/);
  });

  it("names the caller's region in the endpoint when given", async () => {
    const { stackOutputs } = await plan({ region: "eu-west-1" });
    expect(stackOutputs["endpoint"]).toBe("https://s3.eu-west-1.amazonaws.com");
  });

  it("parents every child to the component", async () => {
    const { resources } = await plan();
    const component = one(resources, "mlops:storage:ObjectStore");
    const custom = resources.filter((r) => r.custom && !r.type.startsWith("pulumi:"));
    expect(custom).toHaveLength(8);
    expect(childrenOf(resources, component.urn).map((r) => r.urn).sort()).toEqual(custom.map((r) => r.urn).sort());
  });

  it("plans in preview with the key ARN unknown", async () => {
    const { resources } = await plan({}, true);
    expect(byType(resources, BUCKET)).toHaveLength(1);
    const [rule] = one(resources, SSE).inputs["rules"] as { applyServerSideEncryptionByDefault: { kmsMasterKeyId: unknown } }[];
    expect(rule?.applyServerSideEncryptionByDefault.kmsMasterKeyId).toBe(UNKNOWN);
  });
});
