import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

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
});
