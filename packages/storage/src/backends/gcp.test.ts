import { describe, expect, it } from "@jest/globals";
import { UNKNOWN, byType, childrenOf, one, runWithMocks } from "@mlops/testing";
import { ObjectStore } from "../object-store";
import type { ObjectStoreArgs } from "../types";

const tags = { project: "mlops", stack: "gcp", tier: "dev", "managed-by": "pulumi", "cost-center": "ML Team" };
const placement = { gcp: { project: "mlops-test-1", region: "us-central1", networkId: "projects/p/global/networks/n" } };
const args = (extra: Partial<ObjectStoreArgs> = {}): ObjectStoreArgs => ({ backend: "gcp", tier: "dev", tags, placement, ...extra });

function plan(extra: Partial<ObjectStoreArgs> = {}, preview = false) {
  return runWithMocks(
    () => {
      const s = new ObjectStore("artifacts", args(extra));
      return { bucketName: s.bucketName, url: s.url, endpoint: s.endpoint, kmsKeyId: s.kmsKeyId, native: Object.keys(s.native) };
    },
    {
      project: "mlops-platform",
      stack: "gcp",
      preview,
      // The project's Cloud Storage service agent, as the API answers for project number 4711.
      invokes: { "gcp:storage/getProjectServiceAccount:getProjectServiceAccount": () => ({ emailAddress: "service-4711@gs-project-accounts.iam.gserviceaccount.com", project: "mlops-test-1" }) },
    },
  );
}

const BUCKET = "gcp:storage/bucket:Bucket";
const KEY = "gcp:kms/cryptoKey:CryptoKey";
const RING = "gcp:kms/keyRing:KeyRing";
const GRANT = "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember";

describe("ObjectStore on gcp", () => {
  it("enforces uniform access and public access prevention, with versioning, labels and no force-destroy", async () => {
    const { resources } = await plan();
    const bucket = one(resources, BUCKET);
    expect(bucket.inputs).toMatchObject({
      uniformBucketLevelAccess: true,
      publicAccessPrevention: "enforced",
      versioning: { enabled: true },
      forceDestroy: false,
      location: "US-CENTRAL1",
      project: "mlops-test-1",
      labels: { project: "mlops", stack: "gcp", tier: "dev", "managed-by": "pulumi", "cost-center": "ml-team" },
    });
    expect(bucket.inputs["retentionPolicy"]).toBeUndefined();
    expect(bucket.protect).toBe(false);
  });

  it("encrypts with its own rotated key in the bucket's region, usable by the Cloud Storage service agent first", async () => {
    const { resources, invokes, stackOutputs } = await plan();
    const bucket = one(resources, BUCKET);
    const key = one(resources, KEY);
    const grant = one(resources, GRANT);
    expect(bucket.inputs["encryption"]).toEqual({ defaultKmsKeyName: key.id });
    expect(key.inputs).toMatchObject({ rotationPeriod: "7776000s", purpose: "ENCRYPT_DECRYPT", labels: { "cost-center": "ml-team" } });
    expect(one(resources, RING).inputs).toMatchObject({ project: "mlops-test-1", location: "us-central1" });
    expect(grant.inputs).toEqual({ cryptoKeyId: key.id, role: "roles/cloudkms.cryptoKeyEncrypterDecrypter", member: "serviceAccount:service-4711@gs-project-accounts.iam.gserviceaccount.com" });
    expect(bucket.dependencies).toContain(grant.urn);
    expect(invokes).toContainEqual(expect.objectContaining({ token: "gcp:storage/getProjectServiceAccount:getProjectServiceAccount", args: expect.objectContaining({ project: "mlops-test-1" }) }));
    expect(stackOutputs["kmsKeyId"]).toBe(key.id);
  });

  it("moves cold data to NEARLINE then COLDLINE, expires old versions and aborts stale uploads", async () => {
    const { resources } = await plan({ expireAfterDays: 365 });
    expect(one(resources, BUCKET).inputs["lifecycleRules"]).toEqual([
      { action: { type: "SetStorageClass", storageClass: "NEARLINE" }, condition: { age: 30, matchesStorageClasses: ["STANDARD"] } },
      { action: { type: "SetStorageClass", storageClass: "COLDLINE" }, condition: { age: 120, matchesStorageClasses: ["NEARLINE"] } },
      { action: { type: "Delete" }, condition: { daysSinceNoncurrentTime: 30, withState: "ARCHIVED" } },
      { action: { type: "AbortIncompleteMultipartUpload" }, condition: { age: 7 } },
      { action: { type: "Delete" }, condition: { age: 365, withState: "LIVE" } },
    ]);
  });

  it("applies the prod tier's retention policy instead of versioning, which GCS cannot combine with it, and protects bucket and key", async () => {
    const { resources } = await plan({ tier: "prod" });
    const bucket = one(resources, BUCKET);
    expect(bucket.inputs["retentionPolicy"]).toEqual({ retentionPeriod: String(30 * 86400) });
    expect(bucket.inputs["versioning"]).toEqual({ enabled: false });
    expect(bucket.protect).toBe(true);
    expect(one(resources, KEY).protect).toBe(true);
  });

  it("keeps versioning in prod when the retention policy is turned off, and skips COLDLINE for short-lived objects", async () => {
    const { resources } = await plan({ tier: "prod", retentionDays: 0, versioning: true, expireAfterDays: 100 });
    const bucket = one(resources, BUCKET);
    expect(bucket.inputs["retentionPolicy"]).toBeUndefined();
    expect(bucket.inputs["versioning"]).toEqual({ enabled: true });
    const classes = (bucket.inputs["lifecycleRules"] as { action: { storageClass?: string } }[]).map((r) => r.action.storageClass).filter(Boolean);
    expect(classes).toEqual(["NEARLINE"]);
  });

  it("uses a caller's key without creating a key or a grant", async () => {
    const keyId = "projects/p/locations/us-central1/keyRings/r/cryptoKeys/k";
    const { resources, stackOutputs, invokes } = await plan({ kmsKeyId: keyId });
    expect(byType(resources, KEY)).toHaveLength(0);
    expect(byType(resources, GRANT)).toHaveLength(0);
    expect(invokes).toHaveLength(0);
    expect(one(resources, BUCKET).inputs["encryption"]).toEqual({ defaultKmsKeyName: keyId });
    const name = String(one(resources, BUCKET).outputs["name"]);
    expect(stackOutputs).toEqual({ bucketName: name, url: `gs://${name}`, endpoint: "https://storage.googleapis.com", kmsKeyId: keyId, native: ["gcp"] });
  });

  it("parents every child to the component", async () => {
    const { resources } = await plan();
    const component = one(resources, "mlops:storage:ObjectStore");
    const custom = resources.filter((r) => r.custom && !r.type.startsWith("pulumi:"));
    expect(custom.map((r) => r.type).sort()).toEqual([BUCKET, GRANT, KEY, RING].sort());
    expect(childrenOf(resources, component.urn).map((r) => r.urn).sort()).toEqual(custom.map((r) => r.urn).sort());
  });

  it("plans in preview with the key id unknown", async () => {
    const { resources } = await plan({}, true);
    expect(one(resources, BUCKET).inputs["encryption"]).toEqual({ defaultKmsKeyName: UNKNOWN });
  });
});
