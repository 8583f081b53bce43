// The Database's args through the component: the kit's shared checks, the settings (same rules
// as the stack config) and the wiring, each a ResourceError naming the input.
import { describe, expect, it } from "@jest/globals";
import * as fc from "fast-check";
import { one, runWithMocks } from "@mlops/testing";
import { databaseSettings, resolveSettings, type Backend, type Tier } from "@mlops/core";
import { Database } from "./database";
import type { DatabaseArgs } from "./types";

const tags = { project: "mlops" };
const placement = {
  aws: { vpcId: "vpc-1", subnetIds: ["subnet-a", "subnet-b"], allowedCidrBlocks: ["10.0.0.0/16"] },
  gcp: { project: "prj", region: "europe-west1", networkId: "projects/prj/global/networks/vpc" },
  kubernetes: { namespace: "data" },
};
const base: DatabaseArgs = { backend: "aws", tier: "dev", tags, placement };

function build(extra: Partial<DatabaseArgs>) {
  return runWithMocks(() => new Database("metadata", { ...base, ...extra }).urn, { project: "mlops-platform", stack: "dev" });
}
const rejects = (extra: Partial<DatabaseArgs>, message: string) => expect(build(extra)).rejects.toHaveProperty("message", message);

describe("Database args", () => {
  it("rejects an unknown backend or tier", async () => {
    await rejects({ backend: "azure" as Backend }, 'backend: "azure" is not allowed; use one of "aws", "gcp", "kubernetes"');
    await rejects({ tier: "qa" as Tier }, 'tier: "qa" is not allowed; use one of "dev", "staging", "prod"');
  });

  it("requires the placement of the chosen backend", async () => {
    await rejects({ placement: { gcp: placement.gcp } }, 'placement.aws is required when backend is "aws"');
    await rejects({ backend: "kubernetes", placement: {} }, 'placement.kubernetes is required when backend is "kubernetes"');
  });

  it("reports settings with the same messages as the stack config, every problem at once", async () => {
    await rejects({ engineVersion: "12" as never, sizeGb: 10 }, 'engineVersion: "12" is not allowed; allowed: "13", "14", "15", "16", "17"\nsizeGb: 10 is not allowed: must be >= 20');
    await rejects({ sizeGb: 95, maxSizeGb: 100 }, "maxSizeGb: 100 is not allowed: must be at least 10 % above sizeGb (95), i.e. >= 105, or unset");
  });

  it("rejects settings the in-cluster backend cannot honour instead of ignoring them", async () => {
    await rejects({ backend: "kubernetes", highAvailability: true }, "highAvailability: true is not allowed on kubernetes: it has no effect there (PostgreSQL runs as a single instance in-cluster); remove it");
  });

  it("refuses open or empty CIDR lists and a single subnet on aws", async () => {
    const hint = "list the private CIDR blocks that may reach PostgreSQL (e.g. the VPC CIDR), never 0.0.0.0/0 or ::/0";
    await rejects({ placement: { aws: { ...placement.aws, allowedCidrBlocks: ["10.0.0.0/16", "0.0.0.0/0"] } } }, `placement.aws.allowedCidrBlocks: "0.0.0.0/0" is not allowed; ${hint}`);
    await rejects({ placement: { aws: { ...placement.aws, allowedCidrBlocks: ["::/0"] } } }, `placement.aws.allowedCidrBlocks: "::/0" is not allowed; ${hint}`);
    await rejects({ placement: { aws: { ...placement.aws, allowedCidrBlocks: [] } } }, `placement.aws.allowedCidrBlocks: [] is not allowed; ${hint}`);
    await rejects({ placement: { aws: { ...placement.aws, subnetIds: ["subnet-a"] } } }, 'placement.aws.subnetIds: ["subnet-a"] is not allowed; use at least 2 private subnets in different availability zones');
  });

  it("accepts the boundary values", async () => {
    const username = `u${"_".repeat(62)}`;
    const { resources } = await build({ sizeGb: 20, maxSizeGb: 22, backupRetentionDays: 35, username, databaseName: "a" });
    expect(one(resources, "aws:rds/instance:Instance").inputs).toMatchObject({ allocatedStorage: 20, maxAllocatedStorage: 22, backupRetentionPeriod: 35, username, dbName: "a" });
    const oldest = await build({ backupRetentionDays: 1, engineVersion: "13" });
    expect(one(oldest.resources, "aws:rds/parameterGroup:ParameterGroup").inputs["family"]).toBe("postgres13");
  });
});

describe("Database storage ceiling (property)", () => {
  it("either autoscales with at least 10 % headroom or leaves autoscaling off, for every accepted size", () => {
    fc.assert(fc.property(fc.integer({ min: 20, max: 65536 }), fc.option(fc.integer({ min: 20, max: 65536 })), fc.constantFrom<Tier>("dev", "staging", "prod"), (sizeGb, maxSizeGb, tier) => {
      const r = resolveSettings(databaseSettings, { sizeGb, ...(maxSizeGb !== null ? { maxSizeGb } : {}) }, { backend: "aws", tier });
      if (!r.ok) {
        expect(maxSizeGb).not.toBeNull();
        expect(r.issues.map((i) => i.path.join("."))).toEqual(["maxSizeGb"]);
        return;
      }
      if (r.value.maxSizeGb !== undefined) expect(r.value.maxSizeGb * 100).toBeGreaterThanOrEqual(sizeGb * 110);
    }));
  });
});
