import { describe, expect, it } from "@jest/globals";
import { one, runWithMocks } from "@mlops/testing";
import { Database } from "./database";
import type { DatabaseArgs } from "./types";

const tags = { project: "mlops" };
const placement = {
  aws: { vpcId: "vpc-1", subnetIds: ["subnet-a", "subnet-b"], allowedCidrBlocks: ["10.0.0.0/16"] },
  kubernetes: { namespace: "data" },
};

function run(args: Partial<DatabaseArgs> = {}) {
  return runWithMocks(() => {
    const db = new Database("metadata", { backend: "aws", tier: "dev", tags, placement, ...args });
    return { frozen: Object.isFrozen(db.native), native: Object.keys(db.native), instance: db.native.aws?.instance.urn };
  }, { project: "mlops-platform", stack: "dev" });
}

describe("Database component", () => {
  it("registers under mlops:database:Database and registers every output", async () => {
    const { resources } = await run();
    const component = one(resources, "mlops:database:Database");
    expect(component.custom).toBe(false);
    expect(Object.keys(component.outputs).sort()).toEqual(["connectionString", "databaseName", "host", "password", "port", "username"]);
    expect(component.outputs).toMatchObject({ databaseName: "mlops", username: "mlops_admin", port: 5432 });
  });

  it("exposes only the active backend's native resources, read-only", async () => {
    const { stackOutputs, resources } = await run();
    expect(stackOutputs).toMatchObject({ frozen: true, native: ["aws"], instance: one(resources, "aws:rds/instance:Instance").urn });
  });

  it("does not warn about highAvailability when the prod tier merely defaults it on kubernetes", async () => {
    const { logs } = await run({ backend: "kubernetes", tier: "prod" });
    expect(logs.filter((l) => l.message.includes("highAvailability"))).toEqual([]);
  });
});
