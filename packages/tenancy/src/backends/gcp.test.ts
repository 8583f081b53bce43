import { describe, expect, it, jest } from "@jest/globals";
import { byType, runWithMocks } from "@mlops/testing";
import type { TenancyArgs } from "../types";

jest.mock("@pulumi/aws", () => {
  throw new Error("@pulumi/aws loaded by a gcp Tenancy");
});

const { Tenancy } = require("../tenancy") as typeof import("../tenancy");

const NP = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
type Obj = Record<string, unknown>;
const groups = { ml_engineer: ["ml-eng@example.com"], data_scientist: ["ds@example.com"], model_reviewer: [], admin: ["ds-admins@example.com"] };

function run(extra: Partial<TenancyArgs> = {}) {
  return runWithMocks(() => {
    const t = new Tenancy("tenancy", { backend: "gcp", tier: "prod", tags: {}, placement: {}, dataServiceCidrs: ["10.100.0.0/16"], teams: [{ name: "data-science", cpu: 10, memoryGi: 20, groups }], ...extra });
    return { namespaces: t.namespaces };
  }, { project: "mlops-platform", stack: "gcp" });
}

describe("Tenancy on gcp", () => {
  it("binds Google group emails directly as RBAC Group subjects, and skips a role bound to no one", async () => {
    const { resources } = await run();
    const bindings = byType(resources, "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding").filter((b) => (b.inputs["metadata"] as Obj)["namespace"] === "mlops-data-science");
    expect(Object.fromEntries(bindings.map((b) => [(b.inputs["roleRef"] as Obj)["name"], b.inputs["subjects"]]))).toEqual({
      "mlops-ml-engineer": [{ kind: "Group", apiGroup: "rbac.authorization.k8s.io", name: "ml-eng@example.com" }],
      "mlops-data-scientist": [{ kind: "Group", apiGroup: "rbac.authorization.k8s.io", name: "ds@example.com" }],
      "mlops-admin": [{ kind: "Group", apiGroup: "rbac.authorization.k8s.io", name: "ds-admins@example.com" }],
    });
    expect(resources.some((r) => r.type.startsWith("aws:"))).toBe(false);
  });

  it("lets data clients reach the private services range, Google APIs and the GKE metadata server", async () => {
    const { resources } = await run();
    const spec = (name: string) => byType(resources, NP).find((p) => (p.inputs["metadata"] as Obj)["namespace"] === "mlops-ml" && (p.inputs["metadata"] as Obj)["name"] === name)?.inputs["spec"];
    expect(spec("allow-data-services")).toEqual({
      podSelector: {}, policyTypes: ["Egress"], egress: [{ to: [{ ipBlock: { cidr: "10.100.0.0/16" } }], ports: [{ protocol: "TCP", port: 5432 }, { protocol: "TCP", port: 6379 }] }],
    });
    expect(spec("allow-cloud-apis")).toEqual({
      podSelector: {},
      policyTypes: ["Egress"],
      egress: [
        { to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["169.254.0.0/16"] } }], ports: [{ protocol: "TCP", port: 443 }] },
        { to: [{ ipBlock: { cidr: "169.254.169.254/32" } }], ports: [{ protocol: "TCP", port: 80 }] },
        { to: [{ ipBlock: { cidr: "169.254.169.252/32" } }], ports: [{ protocol: "TCP", port: 988 }] },
      ],
    });
  });

  it("requires group emails per role on gcp and rejects IAM role ARNs", async () => {
    await expect(run({ teams: [{ name: "cv", cpu: 1, memoryGi: 1, groups: { ...groups, admin: undefined } }] })).rejects.toThrow(
      "teams[0].groups.admin: is required on gcp: list the Google group emails (Google Groups for RBAC) bound to this role, or [] for none",
    );
    await expect(run({ teams: [{ name: "cv", cpu: 1, memoryGi: 1, groups: { ...groups, admin: ["cv-admins"] } }] })).rejects.toThrow(
      'teams[0].groups.admin[0]: "cv-admins" is not allowed on gcp: GKE binds Google groups by email, e.g. "ml-engineers@example.com"',
    );
    await expect(run({ teams: [{ name: "cv", cpu: 1, memoryGi: 1, groups, awsRoleArns: { admin: ["arn:aws:iam::123456789012:role/a"] } }] })).rejects.toThrow(
      'teams[0].awsRoleArns.admin: ["arn:aws:iam::123456789012:role/a"] is not allowed on gcp: EKS access entries exist on aws only; remove it',
    );
  });
});
