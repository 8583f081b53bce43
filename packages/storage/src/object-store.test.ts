import { describe, expect, it } from "@jest/globals";
import { one, runWithMocks } from "@mlops/testing";
import { ObjectStore } from "./object-store";
import type { ObjectStoreArgs } from "./types";

const tags = { project: "mlops", stack: "dev", tier: "dev", "managed-by": "pulumi", "cost-center": "ml" };
const placement = {
  aws: { vpcId: "vpc-1", subnetIds: ["subnet-a"], allowedCidrBlocks: ["10.0.0.0/16"] },
  gcp: { project: "mlops-test-1", region: "us-central1", networkId: "projects/p/global/networks/n" },
  kubernetes: { namespace: "mlops-data" },
};
const args = (extra: Partial<ObjectStoreArgs> = {}): ObjectStoreArgs => ({ backend: "aws", tier: "dev", tags, placement, ...extra });

function plan(extra: Partial<ObjectStoreArgs>) {
  return runWithMocks(() => new ObjectStore("artifacts", args(extra)).url, { project: "mlops-platform", stack: "dev" });
}

// The settings rules themselves are covered by @mlops/core's objectStoreSettings tests; these show
// the component runs them (and its wiring checks) with the arg named in a ResourceError.
describe("ObjectStore arguments", () => {
  it.each<[string, Partial<ObjectStoreArgs>, string]>([
    ["an unknown backend", { backend: "azure" as never }, 'backend: "azure" is not allowed; use one of "aws", "gcp", "kubernetes"'],
    ["an unknown tier", { tier: "qa" as never }, 'tier: "qa" is not allowed; use one of "dev", "staging", "prod"'],
    ["no placement for the backend", { placement: {} }, 'placement.aws is required when backend is "aws"'],
    ["no gcp placement", { backend: "gcp", placement: { aws: placement.aws } }, 'placement.gcp is required when backend is "gcp"'],
    ["no kubernetes placement", { backend: "kubernetes", placement: { gcp: placement.gcp } }, 'placement.kubernetes is required when backend is "kubernetes"'],
    ["a cold transition S3 refuses", { transitionToColdAfterDays: 7 }, "transitionToColdAfterDays: 7 is not allowed: S3 moves objects to STANDARD_IA no earlier than 30 days; use 30 or more"],
    ["a fractional non-current expiry", { expireNoncurrentAfterDays: 1.5 }, "expireNoncurrentAfterDays: 1.5 is not allowed: expected int"],
    ["a zero expiry", { expireAfterDays: 0 }, "expireAfterDays: 0 is not allowed: must be >= 1"],
    ["an expiry before the given cold transition", { transitionToColdAfterDays: 60, expireAfterDays: 30 }, "expireAfterDays: 30 is not allowed: must be greater than transitionToColdAfterDays (60)"],
    ["an expiry before the tier's cold transition", { tier: "prod", expireAfterDays: 90 }, "expireAfterDays: 90 is not allowed: must be greater than transitionToColdAfterDays (90)"],
    ["a size where there is no volume", { sizeGb: 5 }, "sizeGb: 5 is not allowed on aws: only the kubernetes backend (MinIO) has a volume to size; remove it"],
    ["a negative size", { backend: "kubernetes", sizeGb: -1 }, "sizeGb: -1 is not allowed: must be >= 1"],
    ["a negative retention", { backend: "gcp", retentionDays: -1 }, "retentionDays: -1 is not allowed: must be >= 0"],
    ["a retention policy on aws", { retentionDays: 30 }, "retentionDays: 30 is not allowed on aws: a bucket retention policy exists on gcp only; use 0"],
    ["a retention policy on kubernetes", { backend: "kubernetes", retentionDays: 1 }, "retentionDays: 1 is not allowed on kubernetes: a bucket retention policy exists on gcp only; use 0"],
    [
      "versioning with a gcp retention policy",
      { backend: "gcp", retentionDays: 7, versioning: true },
      "versioning: true is not allowed with a retention policy (retentionDays 7): GCS cannot combine the two; set retentionDays to 0 or versioning to false",
    ],
    [
      "versioning with the prod tier's gcp retention policy",
      { backend: "gcp", tier: "prod", versioning: true },
      "versioning: true is not allowed with a retention policy (retentionDays 30): GCS cannot combine the two; set retentionDays to 0 or versioning to false",
    ],
    ["a cold transition MinIO cannot make", { backend: "kubernetes", transitionToColdAfterDays: 45 }, "transitionToColdAfterDays: 45 is not allowed on kubernetes: MinIO has no colder storage class; remove it"],
    ["an endpoint region off aws", { backend: "gcp", region: "us-central1" }, 'region: "us-central1" is not allowed; only the aws endpoint names a region; leave it unset on gcp'],
  ])("rejects %s, naming the input, the value and what is allowed", async (_case, extra, message) => {
    await expect(plan(extra)).rejects.toHaveProperty("message", message);
  });

  it("accepts versioning on aws in prod, where the gcp retention default does not apply", async () => {
    await expect(plan({ tier: "prod", versioning: true })).resolves.toMatchObject({ result: expect.anything() });
  });

  it("picks the implementation by backend: S3, GCS or MinIO", async () => {
    const store = { aws: "aws:s3/bucket:Bucket", gcp: "gcp:storage/bucket:Bucket", kubernetes: "kubernetes:apps/v1:StatefulSet" } as const;
    for (const backend of ["aws", "gcp", "kubernetes"] as const) {
      const { resources } = await plan({ backend });
      expect(one(resources, store[backend]).parent).toBe(one(resources, "mlops:storage:ObjectStore").urn);
      expect(Object.keys(one(resources, "mlops:storage:ObjectStore").outputs).sort()).toEqual(["bucketName", "endpoint", "kmsKeyId", "url"]);
    }
  });
});
