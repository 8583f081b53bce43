import { describe, expect, it } from "@jest/globals";
import { REQUIRED_TAG_KEYS } from "@mlops/core";
import { byType, childrenOf, one, runWithMocks } from "@mlops/testing";
import { ObjectStore } from "./object-store";
import { withDefaults } from "./defaults";
import type { ObjectStoreArgs } from "./types";

const tags = { project: "mlops", stack: "dev", tier: "dev", "managed-by": "pulumi", "cost-center": "ml" };
const placement = {
  aws: { vpcId: "vpc-1", subnetIds: ["subnet-a"], allowedCidrBlocks: ["10.0.0.0/16"] },
  gcp: { project: "mlops-test-1", region: "us-central1", networkId: "projects/p/global/networks/n" },
  kubernetes: { namespace: "mlops-data" },
};
const args = (extra: Partial<ObjectStoreArgs> = {}): ObjectStoreArgs => ({ backend: "aws", tier: "dev", tags, placement, ...extra });

function plan(extra: Partial<ObjectStoreArgs> = {}, preview = false) {
  return runWithMocks(
    () => {
      const s = new ObjectStore("artifacts", args(extra));
      return { bucketName: s.bucketName, url: s.url, endpoint: s.endpoint, kmsKeyId: s.kmsKeyId };
    },
    { project: "mlops-platform", stack: "dev", preview },
  );
}

async function rejects(extra: Partial<ObjectStoreArgs>, message: string) {
  await expect(plan(extra)).rejects.toThrow(message);
}

describe("ObjectStore on aws", () => {
  it("encrypts with SSE-KMS under its own rotated customer key, with S3 Bucket Keys", async () => {
    const { resources } = await plan();
    const key = one(resources, "aws:kms/key:Key");
    const sse = one(resources, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration");
    expect(key.inputs).toMatchObject({ enableKeyRotation: true });
    expect(sse.inputs["rules"]).toEqual([{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.outputs["arn"] }, bucketKeyEnabled: true }]);
    expect(sse.inputs["bucket"]).toBe(one(resources, "aws:s3/bucket:Bucket").id);
  });

  it("blocks every public access path, disables ACLs and denies plain HTTP", async () => {
    const { resources } = await plan();
    expect(one(resources, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs).toMatchObject({
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    expect(one(resources, "aws:s3/bucketOwnershipControls:BucketOwnershipControls").inputs["rule"]).toEqual({ objectOwnership: "BucketOwnerEnforced" });
    const policy = one(resources, "aws:s3/bucketPolicy:BucketPolicy");
    const doc = JSON.parse(String(policy.inputs["policy"])) as { Statement: { Effect: string; Condition: unknown }[] };
    expect(doc.Statement[0]).toMatchObject({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } });
    expect(policy.dependencies).toContain(one(resources, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").urn);
  });

  it("versions objects and applies the tier's lifecycle rules", async () => {
    const { resources } = await plan({ tier: "prod", lifecycle: { expireAfterDays: 400 } });
    expect(one(resources, "aws:s3/bucketVersioning:BucketVersioning").inputs["versioningConfiguration"]).toEqual({ status: "Enabled" });
    const [rule] = one(resources, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").inputs["rules"] as Record<string, unknown>[];
    expect(rule).toMatchObject({
      status: "Enabled",
      transitions: [{ days: 90, storageClass: "STANDARD_IA" }],
      noncurrentVersionExpiration: { noncurrentDays: 90 },
      abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
      expiration: { days: 400 },
    });
  });

  it("protects the bucket and its key in prod, never force-destroys, and tags both", async () => {
    const { resources } = await plan({ tier: "prod" });
    const bucket = one(resources, "aws:s3/bucket:Bucket");
    expect(bucket.protect).toBe(true);
    expect(one(resources, "aws:kms/key:Key").protect).toBe(true);
    expect(bucket.inputs["forceDestroy"]).toBe(false);
    for (const r of resources.filter((x) => x.custom && "tags" in x.inputs)) {
      for (const k of REQUIRED_TAG_KEYS) expect(Object.keys(r.inputs["tags"] as object)).toContain(k);
    }
  });

  it("uses the caller's key and leaves the bucket unprotected in dev", async () => {
    const { resources, stackOutputs } = await plan({ kmsKeyId: "arn:aws:kms:us-east-1:1:key/k" });
    expect(byType(resources, "aws:kms/key:Key")).toHaveLength(0);
    expect(one(resources, "aws:s3/bucket:Bucket").protect).toBe(false);
    expect(stackOutputs).toMatchObject({ kmsKeyId: "arn:aws:kms:us-east-1:1:key/k", endpoint: "https://s3.us-east-1.amazonaws.com" });
    expect(String(stackOutputs["url"])).toMatch(/^s3:\/\/artifacts-bucket/);
  });

  it("parents every child to the component", async () => {
    const { resources } = await plan();
    const component = one(resources, "mlops:storage:ObjectStore");
    const custom = resources.filter((r) => r.custom && !r.type.startsWith("pulumi:"));
    expect(childrenOf(resources, component.urn).map((r) => r.urn).sort()).toEqual(custom.map((r) => r.urn).sort());
  });

  it("plans in preview with the bucket name unknown", async () => {
    const { resources } = await plan({}, true);
    expect(byType(resources, "aws:s3/bucket:Bucket")).toHaveLength(1);
  });
});

describe("ObjectStore on gcp", () => {
  const gcp = { backend: "gcp" as const };

  it("enforces uniform access and public access prevention, with versioning and CMEK", async () => {
    const { resources, invokes } = await plan(gcp);
    const bucket = one(resources, "gcp:storage/bucket:Bucket");
    const key = one(resources, "gcp:kms/cryptoKey:CryptoKey");
    expect(bucket.inputs).toMatchObject({
      uniformBucketLevelAccess: true,
      publicAccessPrevention: "enforced",
      versioning: { enabled: true },
      forceDestroy: false,
      location: "US-CENTRAL1",
      project: "mlops-test-1",
    });
    expect(bucket.inputs["encryption"]).toEqual({ defaultKmsKeyName: key.id });
    expect(key.inputs).toMatchObject({ rotationPeriod: "7776000s" });
    const grant = one(resources, "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember");
    expect(grant.inputs).toMatchObject({ role: "roles/cloudkms.cryptoKeyEncrypterDecrypter" });
    expect(String(grant.inputs["member"])).toMatch(/^serviceAccount:service-\d+@gs-project-accounts\.iam\.gserviceaccount\.com$/);
    expect(bucket.dependencies).toContain(grant.urn);
    expect(invokes.map((i) => i.token)).toContain("gcp:storage/getProjectServiceAccount:getProjectServiceAccount");
    expect(bucket.inputs["labels"]).toMatchObject({ "managed-by": "pulumi", "cost-center": "ml" });
  });

  it("moves cold data to NEARLINE, expires old versions and aborts stale uploads", async () => {
    const { resources } = await plan(gcp);
    expect(one(resources, "gcp:storage/bucket:Bucket").inputs["lifecycleRules"]).toEqual([
      { action: { type: "SetStorageClass", storageClass: "NEARLINE" }, condition: { age: 30, matchesStorageClasses: ["STANDARD"] } },
      { action: { type: "Delete" }, condition: { daysSinceNoncurrentTime: 30, withState: "ARCHIVED" } },
      { action: { type: "AbortIncompleteMultipartUpload" }, condition: { age: 7 } },
    ]);
  });

  it("sets the tier's retention policy in prod and protects the bucket", async () => {
    const { resources } = await plan({ ...gcp, tier: "prod" });
    const bucket = one(resources, "gcp:storage/bucket:Bucket");
    expect(bucket.inputs["retentionPolicy"]).toEqual({ retentionPeriod: String(30 * 86400) });
    expect(bucket.protect).toBe(true);
  });

  it("uses a caller's key without creating a key or a grant", async () => {
    const { resources, stackOutputs } = await plan({ ...gcp, kmsKeyId: "projects/p/locations/l/keyRings/r/cryptoKeys/k" });
    expect(byType(resources, "gcp:kms/cryptoKey:CryptoKey")).toHaveLength(0);
    expect(byType(resources, "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember")).toHaveLength(0);
    expect(stackOutputs["endpoint"]).toBe("https://storage.googleapis.com");
    expect(String(stackOutputs["url"])).toMatch(/^gs:\/\//);
  });
});

describe("ObjectStore on kubernetes (MinIO)", () => {
  const k8s = { backend: "kubernetes" as const };

  it("runs MinIO as a restricted, non-root pod with credentials from a generated secret", async () => {
    const { resources } = await plan(k8s);
    const sts = one(resources, "kubernetes:apps/v1:StatefulSet");
    const pod = (sts.inputs["spec"] as { template: { spec: Record<string, unknown> } }).template.spec;
    expect(pod["securityContext"]).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
    const [container] = pod["containers"] as Record<string, unknown>[];
    expect(container?.["image"]).toMatch(/^quay\.io\/minio\/minio:RELEASE\./);
    expect(container?.["securityContext"]).toMatchObject({ allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, readOnlyRootFilesystem: true });
    expect(container?.["resources"]).toMatchObject({ limits: { memory: "1Gi" } });
    const secret = one(resources, "kubernetes:core/v1:Secret");
    // The Kubernetes SDK marks the whole stringData map secret.
    expect(secret.secretPaths).toContain("stringData");
    expect((sts.inputs["metadata"] as Record<string, unknown>)["namespace"]).toBe("mlops-data");
  });

  it("creates the bucket with versioning through a restricted Job once MinIO exists", async () => {
    const { resources, stackOutputs } = await plan(k8s);
    const job = one(resources, "kubernetes:batch/v1:Job");
    const container = ((job.inputs["spec"] as { template: { spec: { containers: Record<string, unknown>[] } } }).template.spec.containers)[0];
    expect(String((container?.["command"] as string[])[2])).toContain('mc mb --ignore-existing "store/artifacts"');
    expect(String((container?.["command"] as string[])[2])).toContain('mc version enable "store/artifacts"');
    expect(job.dependencies).toContain(one(resources, "kubernetes:apps/v1:StatefulSet").urn);
    expect(stackOutputs).toMatchObject({ bucketName: "artifacts", url: "s3://artifacts", kmsKeyId: "" });
    expect(String(stackOutputs["endpoint"])).toMatch(/^http:\/\/artifacts-minio\.mlops-data\.svc\.cluster\.local:9000$/);
  });

  it("admits traffic from the namespace only, on the S3 port", async () => {
    const { resources } = await plan(k8s);
    expect((one(resources, "kubernetes:networking.k8s.io/v1:NetworkPolicy").inputs["spec"] as Record<string, unknown>)["ingress"]).toEqual([
      { from: [{ podSelector: {} }], ports: [{ protocol: "TCP", port: 9000 }] },
    ]);
  });

  it("sizes the volume from the tier or the args", async () => {
    const sizeOf = async (extra: Partial<ObjectStoreArgs>) => {
      const { resources } = await plan({ ...k8s, ...extra });
      const spec = one(resources, "kubernetes:apps/v1:StatefulSet").inputs["spec"] as { volumeClaimTemplates: { spec: { resources: { requests: { storage: string } } } }[] };
      return spec.volumeClaimTemplates[0]?.spec.resources.requests.storage;
    };
    expect(await sizeOf({})).toBe("10Gi");
    expect(await sizeOf({ sizeGb: 25, versioning: false })).toBe("25Gi");
  });
});

describe("ObjectStore arguments", () => {
  it("names the input, the value and what is allowed", async () => {
    await rejects({ lifecycle: { transitionToColdAfterDays: 7 } }, "lifecycle.transitionToColdAfterDays: 7 is not allowed; must be an integer from 30 to 3650");
    await rejects({ lifecycle: { transitionToColdAfterDays: 60, expireAfterDays: 30 } }, "lifecycle.expireAfterDays: 30 is not allowed; must be greater than lifecycle.transitionToColdAfterDays (60)");
    await rejects({ sizeGb: -1 }, "sizeGb: -1 is not allowed; must be an integer from 1 to 10000");
    await rejects({ retentionDays: 30 }, "retentionDays: 30 is not allowed; a retention policy is only available on the gcp backend; use 0 on aws");
    await rejects({ backend: "azure" as never }, 'backend: "azure" is not allowed; expected one of "aws", "gcp", "kubernetes"');
    await rejects({ tier: "qa" as never }, 'tier: "qa" is not allowed; expected one of "dev", "staging", "prod"');
    await rejects({ placement: {} }, 'placement.aws is required when backend is "aws"');
  });

  it("resolves defaults from the tier", () => {
    expect(withDefaults(args({ tier: "staging" }))).toMatchObject({ protect: true, versioning: true, transitionToColdAfterDays: 60, expireNoncurrentAfterDays: 60, retentionDays: 0, sizeGb: 20, region: "us-east-1" });
    expect(withDefaults(args({ protect: false, tier: "prod", region: "eu-west-1" }))).toMatchObject({ protect: false, retentionDays: 30, region: "eu-west-1" });
  });
});
