import { describe, expect, it } from "@jest/globals";
import { one, runWithMocks } from "@mlops/testing";
import type { Backend, Tier } from "@mlops/core";
import { Cache } from "./cache";
import type { CacheArgs } from "./types";

const tags = { project: "mlops" };
const placement = {
  aws: { vpcId: "vpc-1", subnetIds: ["subnet-a", "subnet-b"], allowedCidrBlocks: ["10.0.0.0/16"] },
  gcp: { project: "prj", region: "europe-west1", networkId: "projects/prj/global/networks/vpc" },
  kubernetes: { namespace: "data" },
};

function build(extra: Partial<CacheArgs>) {
  return runWithMocks(() => new Cache("online", { backend: "aws", tier: "dev", tags, placement, ...extra }).urn, { project: "mlops-platform", stack: "dev" });
}
const rejects = (extra: Partial<CacheArgs>, message: string) => expect(build(extra)).rejects.toHaveProperty("message", message);

// The settings rules themselves are covered by @mlops/core's cacheSettings tests; these show the
// component runs them (and its wiring checks) with the arg named in a ResourceError.
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

  it("runs the settings rules of the stack config, every issue at once", async () => {
    await rejects({ replicas: 6, nodeType: "t3.small" }, 'nodeType: "t3.small" is not allowed: must be an ElastiCache node type such as "cache.t3.small"\nreplicas: 6 is not allowed: must be <= 5');
    await rejects({ engineVersion: "7.2" }, 'engineVersion: "7.2" is not allowed on aws: use one of "6.2", "7.0", "7.1"');
    await rejects({ backend: "kubernetes", replicas: 2 }, "replicas: 2 is not allowed on kubernetes: the in-cluster Redis is a single primary (replicas are not implemented); use 0");
    await rejects({ backend: "gcp", tier: "prod", memorySizeGb: 2 }, "memorySizeGb: 2 is not allowed with replicas 2: Memorystore read replicas need at least 5 GB; raise memorySizeGb or use replicas 1");
    await rejects({ sizeGb: 5 }, "sizeGb: 5 is not allowed on aws: only the kubernetes backend has a data volume; remove it");
  });

  it("builds every backend with the tier defaults of every tier", async () => {
    for (const backend of ["aws", "gcp", "kubernetes"] as const) {
      for (const tier of ["dev", "staging", "prod"] as const) {
        const { resources } = await build({ backend, tier });
        const component = one(resources, "mlops:cache:Cache");
        expect(resources.filter((r) => r.custom && r.parent === component.urn && r.type.split(":")[0] === backend).length).toBeGreaterThan(0);
      }
    }
  });

  it("registers the same outputs on every backend, the token and URL secret", async () => {
    for (const backend of ["aws", "gcp", "kubernetes"] as const) {
      const { resources } = await build({ backend });
      const outputs = one(resources, "mlops:cache:Cache").outputs;
      expect(Object.keys(outputs).sort()).toEqual(["authToken", "caCertificate", "connectionUrl", "host", "port", "tls"]);
    }
  });
});
