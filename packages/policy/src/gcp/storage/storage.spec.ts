import { describe, expect, it } from "@jest/globals";
import { res, runPolicy, unknown, violations } from "../../testing";

const BUCKET = "gcp:storage/bucket:Bucket";
const secure = {
  location: "US",
  uniformBucketLevelAccess: true,
  publicAccessPrevention: "enforced",
  encryption: { defaultKmsKeyName: "projects/p/locations/us/keyRings/r/cryptoKeys/k" },
};

describe("gcp-storage-bucket-uniform-access", () => {
  const policy = "gcp-storage-bucket-uniform-access";

  it("passes a bucket with uniform bucket-level access", async () => {
    expect(await violations(policy, [res(BUCKET, "data", secure)])).toEqual([]);
  });

  it("flags a bucket that keeps object ACLs", async () => {
    expect(await violations(policy, [res(BUCKET, "data", { ...secure, uniformBucketLevelAccess: false })])).toEqual(["uniformBucketLevelAccess is not true."]);
  });
});

describe("gcp-storage-bucket-public-access-prevented", () => {
  const policy = "gcp-storage-bucket-public-access-prevented";

  it("passes a bucket with public access prevention enforced", async () => {
    expect(await violations(policy, [res(BUCKET, "data", secure)])).toEqual([]);
  });

  it("flags a bucket that inherits public access prevention", async () => {
    expect(await violations(policy, [res(BUCKET, "data", { ...secure, publicAccessPrevention: "inherited" })])).toEqual([
      'publicAccessPrevention is "inherited", not "enforced".',
    ]);
  });
});

describe("gcp-storage-bucket-encrypted-with-kms", () => {
  const policy = "gcp-storage-bucket-encrypted-with-kms";

  it("passes a bucket with a default Cloud KMS key", async () => {
    expect(await violations(policy, [res(BUCKET, "data", secure)])).toEqual([]);
  });

  it("flags a bucket on Google-managed encryption", async () => {
    expect(await violations(policy, [res(BUCKET, "data", { ...secure, encryption: undefined })])).toEqual([
      "encryption.defaultKmsKeyName is not set: objects use Google-managed keys.",
    ]);
  });

  it("counts a key created in the same update (unknown in preview) as set, so the check runs", async () => {
    const result = await runPolicy(policy, [res(BUCKET, "data", { ...secure, encryption: { defaultKmsKeyName: unknown } })]);
    expect([result.violations, result.indeterminate]).toEqual([[], []]);
  });
});

describe("gcp-storage-bucket-iam-not-public", () => {
  const policy = "gcp-storage-bucket-iam-not-public";

  it("passes grants to named principals", async () => {
    expect(
      await violations(policy, [
        res("gcp:storage/bucketIAMMember:BucketIAMMember", "m", { bucket: "b", role: "roles/storage.objectViewer", member: "group:ml@example.com" }),
        res("gcp:storage/bucketIAMPolicy:BucketIAMPolicy", "p", { bucket: "b", policyData: JSON.stringify({ bindings: [] }) }),
      ]),
    ).toEqual([]);
  });

  it("flags allUsers on a member, allAuthenticatedUsers in a binding and in a policy", async () => {
    expect(
      await violations(policy, [
        res("gcp:storage/bucketIAMMember:BucketIAMMember", "m", { bucket: "b", role: "roles/storage.objectViewer", member: "allUsers" }),
        res("gcp:storage/bucketIAMBinding:BucketIAMBinding", "bd", { bucket: "b", role: "roles/storage.objectAdmin", members: ["allAuthenticatedUsers"] }),
        res("gcp:storage/bucketIAMPolicy:BucketIAMPolicy", "p", {
          bucket: "b",
          policyData: JSON.stringify({ bindings: [{ role: "roles/storage.legacyBucketReader", members: ["allUsers"] }] }),
        }),
      ]),
    ).toEqual([
      "grants roles/storage.objectViewer to allUsers: the bucket's objects become public. Grant it to specific service accounts, users or groups instead.",
      "grants roles/storage.objectAdmin to allAuthenticatedUsers: the bucket's objects become public. Grant it to specific service accounts, users or groups instead.",
      "grants roles/storage.legacyBucketReader to allUsers: the bucket's objects become public. Grant it to specific service accounts, users or groups instead.",
    ]);
  });
});

describe("gcp-storage-bucket-acl-not-public", () => {
  const policy = "gcp-storage-bucket-acl-not-public";
  const FIX = "grant access through IAM to specific principals, with uniform bucket-level access on";

  it("passes ACLs naming users, groups and project roles", async () => {
    expect(
      await violations(policy, [
        res("gcp:storage/bucketAccessControl:BucketAccessControl", "a", { bucket: "b", entity: "user-a@example.com", role: "READER" }),
        res("gcp:storage/bucketACL:BucketACL", "acl", { bucket: "b", roleEntities: ["OWNER:project-owners-123"], predefinedAcl: "projectPrivate" }),
      ]),
    ).toEqual([]);
  });

  it("flags public entities, role entities and predefined ACLs", async () => {
    expect(
      await violations(policy, [
        res("gcp:storage/bucketAccessControl:BucketAccessControl", "a", { bucket: "b", entity: "allUsers", role: "READER" }),
        res("gcp:storage/defaultObjectAccessControl:DefaultObjectAccessControl", "d", { bucket: "b", entity: "allAuthenticatedUsers", role: "READER" }),
        res("gcp:storage/bucketACL:BucketACL", "acl", { bucket: "b", roleEntities: ["READER:allUsers"], defaultAcl: "publicRead" }),
        res("gcp:storage/objectACL:ObjectACL", "o", { bucket: "b", object: "x", predefinedAcl: "authenticatedRead" }),
      ]),
    ).toEqual([
      `entity is allUsers (role READER): the bucket's listing and metadata become public; ${FIX}.`,
      `entity is allAuthenticatedUsers (role READER): new objects become public; ${FIX}.`,
      `roleEntities has "READER:allUsers": the bucket (and, through defaultAcl, new objects) become public to allUsers; ${FIX}.`,
      `defaultAcl is "publicRead": the bucket (and, through defaultAcl, new objects) become public; ${FIX}.`,
      `predefinedAcl is "authenticatedRead": the object's contents become public; ${FIX}.`,
    ]);
  });
});
