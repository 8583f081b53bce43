import { describe, expect, it, jest } from "@jest/globals";

// An aws stack must not pay for loading the gcp and kubernetes SDKs (the offline plan is timed).
jest.mock("@pulumi/gcp", () => {
  throw new Error("@pulumi/gcp was loaded by an aws Cache");
});
jest.mock("@pulumi/kubernetes", () => {
  throw new Error("@pulumi/kubernetes was loaded by an aws Cache");
});

describe("Cache backend loading", () => {
  it("builds an aws cache without loading the gcp or kubernetes SDK", async () => {
    // Loaded after the mocks are in place; `import` statements would be hoisted above them.
    const { runWithMocks, one } = require("@mlops/testing") as typeof import("@mlops/testing");
    const { Cache } = require("./cache") as typeof import("./cache");
    const placement = { aws: { vpcId: "vpc-1", subnetIds: ["subnet-a", "subnet-b"], allowedCidrBlocks: ["10.0.0.0/16"] } };
    const { resources } = await runWithMocks(() => new Cache("online", { backend: "aws", tier: "dev", tags: {}, placement }).urn, {
      project: "mlops-platform",
      stack: "dev",
    });
    expect(one(resources, "aws:elasticache/replicationGroup:ReplicationGroup").parent).toBe(one(resources, "mlops:cache:Cache").urn);
  });
});
