import { describe, expect, it } from "@jest/globals";
import { runWithMocks } from "@mlops/testing";
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

describe("ObjectStore arguments", () => {
  it.each<[string, Partial<ObjectStoreArgs>, string]>([
    ["an unknown backend", { backend: "azure" as never }, 'backend: "azure" is not allowed; expected one of "aws", "gcp", "kubernetes"'],
    ["an unknown tier", { tier: "qa" as never }, 'tier: "qa" is not allowed; expected one of "dev", "staging", "prod"'],
    ["no placement for the backend", { placement: {} }, 'placement.aws is required when backend is "aws"'],
    ["no gcp placement", { backend: "gcp", placement: { aws: placement.aws } }, 'placement.gcp is required when backend is "gcp"'],
    ["no kubernetes placement", { backend: "kubernetes", placement: { gcp: placement.gcp } }, 'placement.kubernetes is required when backend is "kubernetes"'],
    ["a cold transition S3 refuses", { lifecycle: { transitionToColdAfterDays: 7 } }, "lifecycle.transitionToColdAfterDays: 7 is not allowed; must be an integer from 30 to 3650"],
    ["a fractional non-current expiry", { lifecycle: { expireNoncurrentAfterDays: 1.5 } }, "lifecycle.expireNoncurrentAfterDays: 1.5 is not allowed; must be an integer from 1 to 3650"],
    ["a zero expiry", { lifecycle: { expireAfterDays: 0 } }, "lifecycle.expireAfterDays: 0 is not allowed; must be an integer from 1 to 3650"],
    [
      "an expiry before the given cold transition",
      { lifecycle: { transitionToColdAfterDays: 60, expireAfterDays: 30 } },
      "lifecycle.expireAfterDays: 30 is not allowed; must be greater than lifecycle.transitionToColdAfterDays (60)",
    ],
    [
      "an expiry before the tier's cold transition",
      { tier: "prod", lifecycle: { expireAfterDays: 90 } },
      "lifecycle.expireAfterDays: 90 is not allowed; must be greater than lifecycle.transitionToColdAfterDays (90)",
    ],
    ["a negative size", { sizeGb: -1 }, "sizeGb: -1 is not allowed; must be an integer from 1 to 10000"],
    ["a negative retention", { backend: "gcp", retentionDays: -1 }, "retentionDays: -1 is not allowed; must be an integer from 0 to 3650"],
    ["a retention policy on aws", { retentionDays: 30 }, "retentionDays: 30 is not allowed; a retention policy is only available on the gcp backend; use 0 on aws"],
    ["a retention policy on kubernetes", { backend: "kubernetes", retentionDays: 1 }, "retentionDays: 1 is not allowed; a retention policy is only available on the gcp backend; use 0 on kubernetes"],
    [
      "versioning with a gcp retention policy",
      { backend: "gcp", retentionDays: 7, versioning: true },
      "versioning: true is not allowed; GCS cannot combine versioning with a retention policy (retentionDays 7); set retentionDays to 0 or versioning to false",
    ],
    [
      "versioning with the prod tier's gcp retention policy",
      { backend: "gcp", tier: "prod", versioning: true },
      "versioning: true is not allowed; GCS cannot combine versioning with a retention policy (retentionDays 30); set retentionDays to 0 or versioning to false",
    ],
  ])("rejects %s, naming the input, the value and what is allowed", async (_case, extra, message) => {
    await expect(plan(extra)).rejects.toThrow(message);
  });

  it("accepts versioning on aws in prod, where the gcp retention default does not apply", async () => {
    await expect(plan({ tier: "prod", versioning: true })).resolves.toMatchObject({ result: expect.anything() });
  });
});
