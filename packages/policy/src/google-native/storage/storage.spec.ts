import { describe, expect, it } from "@jest/globals";
import { res, runPolicy, unknown, violations } from "../../testing";

const BUCKET = "google-native:storage/v1:Bucket";
const good = {
  encryption: { defaultKmsKeyName: "projects/p/locations/eu/keyRings/r/cryptoKeys/k" },
  iamConfiguration: { publicAccessPrevention: "enforced", uniformBucketLevelAccess: { enabled: true } },
};
const bucket = (inputs: Record<string, unknown>) => res(BUCKET, "data", inputs);

describe("google-native-storage-bucket-encrypted-with-kms", () => {
  const policy = "google-native-storage-bucket-encrypted-with-kms";

  it("passes a CMEK bucket", async () => {
    expect(await violations(policy, [bucket(good)])).toEqual([]);
  });

  it("flags Google-managed keys, and counts a key created in the same update (unknown in preview) as set", async () => {
    expect(await violations(policy, [bucket({})])).toEqual(["encryption.defaultKmsKeyName is not set: objects use Google-managed keys; name a Cloud KMS key."]);
    const result = await runPolicy(policy, [bucket({ encryption: { defaultKmsKeyName: unknown } })]);
    expect(result.violations).toEqual([]);
    expect(result.indeterminate).toEqual([]);
  });
});

describe("google-native-storage-bucket-uniform-access", () => {
  const policy = "google-native-storage-bucket-uniform-access";

  it("passes uniform access, and the older bucketPolicyOnly", async () => {
    expect(await violations(policy, [bucket(good), bucket({ iamConfiguration: { bucketPolicyOnly: { enabled: true } } })])).toEqual([]);
  });

  it("flags object ACLs left on", async () => {
    expect(await violations(policy, [bucket({ iamConfiguration: { uniformBucketLevelAccess: { enabled: false } } })])).toEqual([
      "iamConfiguration.uniformBucketLevelAccess.enabled is not true: object ACLs still apply. Enable it.",
    ]);
  });
});

describe("google-native-storage-bucket-public-access-prevented", () => {
  const policy = "google-native-storage-bucket-public-access-prevented";

  it("passes enforced prevention", async () => {
    expect(await violations(policy, [bucket(good)])).toEqual([]);
  });

  it("flags unset and inherited prevention", async () => {
    expect(await violations(policy, [bucket({}), bucket({ iamConfiguration: { publicAccessPrevention: "inherited" } })])).toEqual([
      'iamConfiguration.publicAccessPrevention is unset (inherited): set it to "enforced".',
      'iamConfiguration.publicAccessPrevention is inherited: set it to "enforced".',
    ]);
  });
});

describe("google-native-storage-bucket-not-public", () => {
  const policy = "google-native-storage-bucket-not-public";

  it("passes private ACLs and IAM for named principals", async () => {
    expect(
      await violations(policy, [
        bucket({ ...good, acl: [{ entity: "project-owners-1", role: "OWNER" }], predefinedAcl: "projectPrivate" }),
        res("google-native:storage/v1:BucketIamPolicy", "p", { bucket: "data", bindings: [{ role: "roles/storage.objectViewer", members: ["group:ml@example.com"] }] }),
      ]),
    ).toEqual([]);
  });

  it("flags public ACL entries, predefined ACLs and IAM grants", async () => {
    expect(
      await violations(policy, [
        bucket({ defaultObjectAcl: [{ entity: "allUsers", role: "READER" }], predefinedAcl: "publicRead" }),
        res("google-native:storage/v1:BucketIamMember", "m", { bucket: "data", name: "x", role: "roles/storage.objectViewer", member: "allUsers" }),
        res("google-native:storage/v1:BucketIamPolicy", "p", { bucket: "data", bindings: [{ role: "roles/storage.objectViewer", members: ["allAuthenticatedUsers"] }] }),
      ]),
    ).toEqual([
      "defaultObjectAcl[0].entity is allUsers: the bucket's data becomes public. Grant access through IAM to specific principals.",
      'predefinedAcl is "publicRead": the bucket\'s data becomes public. Use "private" or "projectPrivate".',
      "grants roles/storage.objectViewer to allUsers: the bucket's objects become public. Grant it to specific service accounts, users or groups instead.",
      "grants roles/storage.objectViewer to allAuthenticatedUsers: the bucket's objects become public. Grant it to specific service accounts, users or groups instead.",
    ]);
  });
});
