import { describe, expect, it, jest } from "@jest/globals";

// An aws stack must not pay for loading the gcp, kubernetes and random SDKs (the offline plan is timed).
jest.mock("@pulumi/gcp", () => {
  throw new Error("@pulumi/gcp was loaded by an aws ObjectStore");
});
jest.mock("@pulumi/kubernetes", () => {
  throw new Error("@pulumi/kubernetes was loaded by an aws ObjectStore");
});
jest.mock("@pulumi/random", () => {
  throw new Error("@pulumi/random was loaded by an aws ObjectStore");
});

describe("ObjectStore backend loading", () => {
  it("builds an aws bucket without loading the gcp, kubernetes or random SDK", async () => {
    // Loaded after the mocks are in place; `import` statements would be hoisted above them.
    const { runWithMocks, one } = require("@mlops/testing") as typeof import("@mlops/testing");
    const { ObjectStore } = require("./object-store") as typeof import("./object-store");
    const placement = { aws: { vpcId: "vpc-1", subnetIds: ["subnet-a"], allowedCidrBlocks: ["10.0.0.0/16"] } };
    const { resources } = await runWithMocks(() => new ObjectStore("artifacts", { backend: "aws", tier: "dev", tags: {}, placement }).urn, {
      project: "mlops-platform",
      stack: "dev",
    });
    expect(one(resources, "aws:s3/bucket:Bucket").parent).toBe(one(resources, "mlops:storage:ObjectStore").urn);
  });
});
