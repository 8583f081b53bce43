import { describe, expect, it, jest } from "@jest/globals";
import { byType, one, runWithMocks } from "@mlops/testing";
import type { TenancyArgs } from "../types";

jest.mock("@pulumi/gcp", () => {
  throw new Error("@pulumi/gcp loaded by an aws Tenancy");
});

const { Tenancy } = require("../tenancy") as typeof import("../tenancy");
const { accessEntrySuffix } = require("./aws") as typeof import("./aws");

const tags = { project: "mlops", "cost-center": "ml" };
const ENGINEERS = "arn:aws:iam::123456789012:role/ml-engineers";
const LEADS = "arn:aws:iam::123456789012:role/teams/leads";
const NP = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
type Obj = Record<string, unknown>;

function run(extra: Partial<TenancyArgs> = {}) {
  return runWithMocks(() => {
    const t = new Tenancy("tenancy", {
      backend: "aws", tier: "prod", tags, placement: {}, clusterName: "mlops-prod", dataServiceCidrs: ["10.30.0.0/16"],
      teams: [
        { name: "data-science", cpu: 100, memoryGi: 200, gpu: 4, awsRoleArns: { ml_engineer: [ENGINEERS], admin: [LEADS] } },
        { name: "cv", cpu: 8, memoryGi: 16, groups: { admin: ["cv-admins"] }, awsRoleArns: { admin: [LEADS] } },
      ],
      ...extra,
    });
    return { namespaces: t.namespaces };
  }, { project: "mlops-platform", stack: "prod" });
}
const policy = (resources: Awaited<ReturnType<typeof run>>["resources"], ns: string, name: string) =>
  byType(resources, NP).find((p) => (p.inputs["metadata"] as Obj)["namespace"] === ns && (p.inputs["metadata"] as Obj)["name"] === name)?.inputs["spec"];

describe("Tenancy on aws", () => {
  it("maps each IAM role to the groups of every team role it is listed for, through one EKS access entry", async () => {
    const { resources } = await run();
    const entries = byType(resources, "aws:eks/accessEntry:AccessEntry");
    expect(Object.fromEntries(entries.map((e) => [e.inputs["principalArn"], e.inputs["kubernetesGroups"]]))).toEqual({
      [ENGINEERS]: ["mlops:data-science:ml_engineer"],
      [LEADS]: ["cv-admins", "mlops:data-science:admin"],
    });
    for (const e of entries) {
      expect(e.inputs).toMatchObject({ clusterName: "mlops-prod", type: "STANDARD", tags });
      expect(e.parent).toBe(one(resources, "mlops:tenancy:Tenancy").urn);
    }
    expect(one(resources, "aws:eks/accessEntry:AccessEntry", `tenancy-access-${accessEntrySuffix(LEADS)}`)).toBeDefined();
    expect(accessEntrySuffix(LEADS)).toMatch(/^leads-[0-9a-f]{8}$/);
  });

  it("lets data clients reach the managed services in the VPC on 5432 and 6379 and AWS APIs on 443, not the instance metadata", async () => {
    const { resources } = await run();
    for (const ns of ["mlops-ml", "mlops-serving", "mlops-data-science", "mlops-cv"]) {
      expect(policy(resources, ns, "allow-data-services")).toEqual({
        podSelector: {}, policyTypes: ["Egress"], egress: [{ to: [{ ipBlock: { cidr: "10.30.0.0/16" } }], ports: [{ protocol: "TCP", port: 5432 }, { protocol: "TCP", port: 6379 }] }],
      });
      expect(policy(resources, ns, "allow-cloud-apis")).toEqual({
        podSelector: {}, policyTypes: ["Egress"], egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["169.254.0.0/16"] } }], ports: [{ protocol: "TCP", port: 443 }] }],
      });
    }
    expect(policy(resources, "mlops-data", "allow-cloud-apis")).toBeUndefined();
    expect(policy(resources, "mlops-monitoring", "allow-data-services")).toBeUndefined();
  });

  it("needs the cluster name for access entries and rejects open CIDRs", async () => {
    await expect(run({ clusterName: undefined })).rejects.toThrow("clusterName is required on aws when a team sets awsRoleArns (the EKS cluster of the access entries)");
    await expect(run({ dataServiceCidrs: ["0.0.0.0/0"] })).rejects.toThrow('dataServiceCidrs: "0.0.0.0/0" is not allowed; list private IPv4 CIDR blocks of the data services (e.g. the VPC CIDR), never 0.0.0.0/0');
  });

  it("creates no access entry and no data-service egress when neither is configured", async () => {
    const { resources } = await run({ clusterName: undefined, dataServiceCidrs: undefined, teams: [{ name: "cv", cpu: 8, memoryGi: 16 }] });
    expect(byType(resources, "aws:eks/accessEntry:AccessEntry")).toEqual([]);
    expect(policy(resources, "mlops-cv", "allow-data-services")).toBeUndefined();
  });
});
