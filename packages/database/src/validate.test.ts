import { describe, expect, it } from "@jest/globals";
import * as fc from "fast-check";
import * as pulumi from "@pulumi/pulumi";
import { one, runWithMocks } from "@mlops/testing";
import type { Backend, Tier } from "@mlops/core";
import { Database } from "./database";
import { validateArgs } from "./validate";
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

describe("Database args validation", () => {
  it("rejects an unknown backend or tier", async () => {
    await rejects({ backend: "azure" as Backend }, 'backend: "azure" is not allowed; use one of "aws", "gcp", "kubernetes"');
    await rejects({ tier: "qa" as Tier }, 'tier: "qa" is not allowed; use one of "dev", "staging", "prod"');
  });

  it("requires the placement of the chosen backend", async () => {
    await rejects({ placement: { gcp: placement.gcp } }, 'placement.aws is required when backend is "aws"');
    await rejects({ backend: "gcp", placement: { aws: placement.aws } }, 'placement.gcp is required when backend is "gcp"');
    await rejects({ backend: "kubernetes", placement: {} }, 'placement.kubernetes is required when backend is "kubernetes"');
  });

  it("accepts only the PostgreSQL major versions every backend offers", async () => {
    const allowed = 'use a supported PostgreSQL major version: "13", "14", "15", "16", "17"';
    await rejects({ engineVersion: "12" }, `engineVersion: "12" is not allowed; ${allowed}`);
    await rejects({ engineVersion: "16.4" }, `engineVersion: "16.4" is not allowed; ${allowed}`);
  });

  it("rejects a negative, fractional or too small size and one above maxSizeGb", async () => {
    await rejects({ sizeGb: -5 }, "sizeGb: -5 is not allowed; use an integer from 20 (the gp3 minimum) to 65536");
    await rejects({ sizeGb: 10 }, "sizeGb: 10 is not allowed; use an integer from 20 (the gp3 minimum) to 65536");
    await rejects({ sizeGb: 20.5 }, "sizeGb: 20.5 is not allowed; use an integer from 20 (the gp3 minimum) to 65536");
    await rejects({ sizeGb: 150, maxSizeGb: 100 }, "sizeGb: 150 is not allowed; use an integer from 20 (the gp3 minimum) to maxSizeGb (100)");
    await rejects({ sizeGb: 60, maxSizeGb: 50 }, "sizeGb: 60 is not allowed; use an integer from 20 (the gp3 minimum) to maxSizeGb (50)");
  });

  it("bounds maxSizeGb by the gp3 limits", async () => {
    await rejects({ maxSizeGb: 70000 }, "maxSizeGb: 70000 is not allowed; use an integer from 20 to 65536 (GiB)");
    await rejects({ maxSizeGb: 19 }, "maxSizeGb: 19 is not allowed; use an integer from 20 to 65536 (GiB)");
  });

  it("keeps backups on: retention from 1 to 35 days", async () => {
    await rejects({ backupRetentionDays: 0 }, "backupRetentionDays: 0 is not allowed; use an integer from 1 to 35 (0 would disable backups)");
    await rejects({ backupRetentionDays: 36 }, "backupRetentionDays: 36 is not allowed; use an integer from 1 to 35 (0 would disable backups)");
  });

  it("rejects database names that need quoting or already exist on the server", async () => {
    const allowed = "use a name matching ^[a-z][a-z0-9_]{0,62}$, not one of postgres, template0, template1, rdsadmin, cloudsqladmin";
    await rejects({ databaseName: "Mlops" }, `databaseName: "Mlops" is not allowed; ${allowed}`);
    await rejects({ databaseName: "ml-ops" }, `databaseName: "ml-ops" is not allowed; ${allowed}`);
    await rejects({ databaseName: "template1" }, `databaseName: "template1" is not allowed; ${allowed}`);
  });

  it("rejects reserved or malformed admin user names", async () => {
    const allowed = "use a name matching ^[a-z][a-z0-9_]{0,62}$, not one of postgres, rdsadmin, admin, rds_superuser, cloudsqladmin, cloudsqlsuperuser nor starting with pg_";
    await rejects({ username: "postgres" }, `username: "postgres" is not allowed; ${allowed}`);
    await rejects({ username: "admin" }, `username: "admin" is not allowed; ${allowed}`);
    await rejects({ username: "pg_owner" }, `username: "pg_owner" is not allowed; ${allowed}`);
    await rejects({ username: "1user" }, `username: "1user" is not allowed; ${allowed}`);
    await rejects({ username: `a${"b".repeat(63)}` }, `username: "a${"b".repeat(63)}" is not allowed; ${allowed}`);
  });

  it("checks the instance class against the backend's naming", async () => {
    await rejects({ instanceClass: "m5.large" }, 'instanceClass: "m5.large" is not allowed; use an RDS instance class such as "db.t3.medium"');
    await rejects({ backend: "gcp", instanceClass: "n1-standard-1" }, 'instanceClass: "n1-standard-1" is not allowed; use a Cloud SQL machine tier such as "db-custom-2-7680"');
  });

  it("refuses open or empty CIDR lists and a single subnet on aws", async () => {
    const hint = "list the private CIDR blocks that may reach PostgreSQL (e.g. the VPC CIDR), never 0.0.0.0/0 or ::/0";
    await rejects({ placement: { aws: { ...placement.aws, allowedCidrBlocks: ["10.0.0.0/16", "0.0.0.0/0"] } } }, `placement.aws.allowedCidrBlocks: "0.0.0.0/0" is not allowed; ${hint}`);
    await rejects({ placement: { aws: { ...placement.aws, allowedCidrBlocks: ["::/0"] } } }, `placement.aws.allowedCidrBlocks: "::/0" is not allowed; ${hint}`);
    await rejects({ placement: { aws: { ...placement.aws, allowedCidrBlocks: [] } } }, `placement.aws.allowedCidrBlocks: [] is not allowed; ${hint}`);
    await rejects(
      { placement: { aws: { ...placement.aws, subnetIds: ["subnet-a"] } } },
      'placement.aws.subnetIds: ["subnet-a"] is not allowed; use at least 2 private subnets in different availability zones',
    );
  });

  it("accepts the boundary values", async () => {
    const username = `u${"_".repeat(62)}`;
    const { resources } = await build({ sizeGb: 20, maxSizeGb: 20, backupRetentionDays: 35, username, databaseName: "a" });
    expect(one(resources, "aws:rds/instance:Instance").inputs).toMatchObject({ allocatedStorage: 20, maxAllocatedStorage: 20, backupRetentionPeriod: 35, username, dbName: "a" });
    const oldest = await build({ backupRetentionDays: 1, engineVersion: "13" });
    expect(one(oldest.resources, "aws:rds/parameterGroup:ParameterGroup").inputs["family"]).toBe("postgres13");
    const k8s = await build({ backend: "kubernetes", engineVersion: "17", sizeGb: 1000, maxSizeGb: 1000 });
    expect(one(k8s.resources, "kubernetes:apps/v1:StatefulSet")).toBeDefined();
  });
});

describe("validateArgs (property)", () => {
  it("accepts every integer size from 20 to maxSizeGb and rejects every other number", async () => {
    await runWithMocks(() => {
      const probe = new pulumi.ComponentResource("test:index:Probe", "probe");
      const check = (args: Partial<DatabaseArgs>) => () => validateArgs(probe, { ...base, ...args });
      fc.assert(fc.property(fc.integer({ min: 20, max: 65536 }), fc.integer({ min: 0, max: 65516 }), (size, headroom) => {
        const max = Math.min(65536, size + headroom);
        expect(check({ sizeGb: size, maxSizeGb: max })).not.toThrow();
      }));
      fc.assert(fc.property(fc.oneof(fc.integer({ max: 19 }), fc.double({ min: 20, max: 100, noInteger: true, noNaN: true })), (size) => {
        expect(check({ sizeGb: size })).toThrow(/^sizeGb: .* is not allowed; use an integer from 20 \(the gp3 minimum\) to 65536$/);
      }));
      return probe.urn;
    }, { project: "mlops-platform", stack: "dev" });
  });
});
