import { describe, expect, it } from "@jest/globals";
import { one, runWithMocks } from "@mlops/testing";
import type { Backend, Tier } from "@mlops/core";
import { Cache } from "./cache";
import type { CacheArgs } from "./types";

const tags = { project: "mlops" };
const placement = {
  aws: { vpcId: "vpc-1", subnetIds: ["subnet-a"], allowedCidrBlocks: ["10.0.0.0/16"] },
  gcp: { project: "prj", region: "europe-west1", networkId: "projects/prj/global/networks/vpc" },
  kubernetes: { namespace: "data" },
};

function build(extra: Partial<CacheArgs>) {
  return runWithMocks(() => new Cache("online", { backend: "aws", tier: "dev", tags, placement, ...extra }).urn, { project: "mlops-platform", stack: "dev" });
}
const rejects = (extra: Partial<CacheArgs>, message: string) => expect(build(extra)).rejects.toHaveProperty("message", message);

describe("Cache args validation", () => {
  it("rejects an unknown backend or tier", async () => {
    await rejects({ backend: "azure" as Backend }, 'backend: "azure" is not allowed; use one of "aws", "gcp", "kubernetes"');
    await rejects({ tier: "qa" as Tier }, 'tier: "qa" is not allowed; use one of "dev", "staging", "prod"');
  });

  it("requires the placement of the chosen backend", async () => {
    await rejects({ backend: "gcp", placement: { aws: placement.aws } }, 'placement.gcp is required when backend is "gcp"');
    await rejects({ backend: "kubernetes", placement: {} }, 'placement.kubernetes is required when backend is "kubernetes"');
  });

  it("refuses open or empty CIDR lists on aws", async () => {
    const allowed = "list the private CIDR blocks that may reach Redis (e.g. the VPC CIDR), never 0.0.0.0/0 or ::/0";
    await rejects({ placement: { aws: { ...placement.aws, allowedCidrBlocks: ["10.0.0.0/16", "0.0.0.0/0"] } } }, `placement.aws.allowedCidrBlocks: "0.0.0.0/0" is not allowed; ${allowed}`);
    await rejects({ placement: { aws: { ...placement.aws, allowedCidrBlocks: ["::/0"] } } }, `placement.aws.allowedCidrBlocks: "::/0" is not allowed; ${allowed}`);
    await rejects({ placement: { aws: { ...placement.aws, allowedCidrBlocks: [] } } }, `placement.aws.allowedCidrBlocks: [] is not allowed; ${allowed}`);
  });

  it("limits replicas to integers from 0 to 5", async () => {
    await rejects({ replicas: -1 }, "replicas: -1 is not allowed; use an integer from 0 to 5");
    await rejects({ replicas: 6 }, "replicas: 6 is not allowed; use an integer from 0 to 5");
    await rejects({ replicas: 1.5 }, "replicas: 1.5 is not allowed; use an integer from 0 to 5");
  });

  it("limits memorySizeGb to integers from 1 to 300 and sizeGb to integers from 1 to 1000", async () => {
    await rejects({ memorySizeGb: 0 }, "memorySizeGb: 0 is not allowed; use an integer from 1 to 300");
    await rejects({ memorySizeGb: 301 }, "memorySizeGb: 301 is not allowed; use an integer from 1 to 300");
    await rejects({ sizeGb: -5 }, "sizeGb: -5 is not allowed; use an integer from 1 to 1000");
  });

  it("requires an ElastiCache node type", async () => {
    await rejects({ nodeType: "t3.small" }, 'nodeType: "t3.small" is not allowed; use an ElastiCache node type starting with "cache." (e.g. "cache.t3.small")');
  });

  it("accepts only the engine versions the backend offers", async () => {
    await rejects({ engineVersion: "7.2" }, 'engineVersion: "7.2" is not allowed; on aws use one of "6.2", "7.0", "7.1"');
    await rejects({ backend: "gcp", engineVersion: "7.1" }, 'engineVersion: "7.1" is not allowed; on gcp use one of "6.2", "7.0", "7.2"');
    await rejects({ backend: "kubernetes", engineVersion: "5.0" }, 'engineVersion: "5.0" is not allowed; on kubernetes use one of "6.2", "7.2", "7.4"');
  });

  it("refuses replicas on kubernetes, where only a single primary is implemented", async () => {
    await rejects({ backend: "kubernetes", replicas: 2 }, "replicas: 2 is not allowed; the kubernetes backend runs a single Redis primary (in-cluster replicas are not implemented); use 0");
  });

  it("requires 5 GiB for Memorystore read replicas, also when the replicas come from the tier", async () => {
    const allowed = "raise memorySizeGb or use replicas 1";
    await rejects({ backend: "gcp", replicas: 2, memorySizeGb: 4 }, `memorySizeGb: 4 is not allowed; Memorystore read replicas (replicas 2) need at least 5 GiB; ${allowed}`);
    await rejects({ backend: "gcp", tier: "prod", memorySizeGb: 2 }, `memorySizeGb: 2 is not allowed; Memorystore read replicas (replicas 2) need at least 5 GiB; ${allowed}`);
  });

  it("builds every backend with the tier defaults of every tier", async () => {
    for (const backend of ["aws", "gcp", "kubernetes"] as const) {
      for (const tier of ["dev", "staging", "prod"] as const) {
        const { resources } = await build({ backend, tier });
        expect(one(resources, "mlops:cache:Cache").type).toBe("mlops:cache:Cache");
        expect(resources.filter((r) => r.custom && r.type.split(":")[0] === (backend === "kubernetes" ? "kubernetes" : backend)).length).toBeGreaterThan(0);
      }
    }
  });
});
