import { describe, expect, it } from "@jest/globals";
import { ConfigError } from "../config/errors";
import { resolveStackConfig } from "../config/resolve";
import { resolveSettings } from "../kit/settings";
import { MAX_NAMESPACE_PREFIX, tenancySettings } from "./tenancy";

const NS = "mlops-platform";
const clouds = {
  aws: { [`${NS}:cloud`]: "aws", [`${NS}:region`]: "us-east-1" },
  gcp: { [`${NS}:cloud`]: "gcp", [`${NS}:region`]: "us-central1", [`${NS}:gcpProject`]: "mlops-test-123" },
  local: { [`${NS}:cloud`]: "local" },
};
function issuesOf(extra: Record<string, unknown>, cloud: keyof typeof clouds = "aws"): string[] {
  const raw = { ...clouds[cloud], [`${NS}:tier`]: "dev", [`${NS}:costCenter`]: "ml", ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [`${NS}:${k}`, JSON.stringify(v)])) };
  try {
    resolveStackConfig(raw, { stack: "dev" });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).issues.map((i) => `${i.key}: ${i.message}`);
  }
  return [];
}
const team = { name: "data-science", cpu: 100, memoryGi: 200 };

describe("tenancy settings", () => {
  it("completes defaults: prefix mlops, the tier's Pod Security, no GPU, 10 claims, groups mlops:<team>:<role>", () => {
    const result = resolveSettings(tenancySettings, { teams: [team] }, { backend: "aws", tier: "prod" });
    expect(result).toEqual({
      ok: true,
      value: {
        namespacePrefix: "mlops",
        podSecurity: "restricted",
        teams: [{
          ...team, gpu: 0, persistentVolumeClaims: 10, storageGi: undefined,
          groups: { ml_engineer: ["mlops:data-science:ml_engineer"], data_scientist: ["mlops:data-science:data_scientist"], model_reviewer: ["mlops:data-science:model_reviewer"], admin: ["mlops:data-science:admin"] },
          awsRoleArns: { ml_engineer: [], data_scientist: [], model_reviewer: [], admin: [] },
        }],
      },
    });
    const dev = resolveSettings(tenancySettings, {}, { backend: "kubernetes", tier: "dev" });
    expect(dev.ok && dev.value.podSecurity).toBe("baseline");
  });

  it("rejects team names that are no DNS label, are taken twice, name a platform namespace or overflow 63 characters with the prefix", () => {
    const long = `t${"x".repeat(56)}`;
    expect(issuesOf({ teams: [{ ...team, name: "Data_Science" }] })).toEqual([
      `${NS}:teams[0].name: "Data_Science" is not allowed: must be a DNS label: lowercase letters, digits and '-', starting with a letter`,
    ]);
    expect(issuesOf({ teams: [team, team, { ...team, name: "serving" }] })).toEqual([
      `${NS}:teams[1].name: "data-science" is not allowed: team names must be unique`,
      `${NS}:teams[2].name: "serving" is not allowed: it names a platform namespace (data, ml, serving, monitoring)`,
    ]);
    // "mlops-" + 57 characters is exactly 63: allowed.
    expect(issuesOf({ teams: [{ ...team, name: long }] })).toEqual([]);
    expect(issuesOf({ kubernetes: { namespacePrefix: "platform" }, teams: [{ ...team, name: long }] })).toEqual([
      `${NS}:teams[0].name: "${long}" is not allowed: its namespace "platform-${long}" has 66 characters, at most 63 (shorten the team name or kubernetes.namespacePrefix)`,
    ]);
    expect(issuesOf({ kubernetes: { namespacePrefix: "p".repeat(MAX_NAMESPACE_PREFIX + 1) } })).toEqual([
      `${NS}:kubernetes.namespacePrefix: "${"p".repeat(53)}" is not allowed: must be of length <= 52`,
    ]);
  });

  it("checks IAM role ARNs with the key named, and only on aws", () => {
    expect(issuesOf({ teams: [{ ...team, awsRoleArns: { admin: ["arn:aws:iam::123456789012:user/alice", "arn:aws:iam::123456789012:role/path/leads"] } }] })).toEqual([
      `${NS}:teams[0].awsRoleArns.admin[0]: "arn:aws:iam::123456789012:user/alice" is not allowed: must be an IAM role ARN such as "arn:aws:iam::123456789012:role/ml-engineers"`,
    ]);
    expect(issuesOf({ teams: [{ ...team, awsRoleArns: { admin: ["arn:aws:iam::123456789012:role/leads"] } }] }, "local")).toEqual([
      `${NS}:teams[0].awsRoleArns.admin: ["arn:aws:iam::123456789012:role/leads"] is not allowed on kubernetes: EKS access entries exist on aws only; remove it`,
    ]);
    expect(issuesOf({ teams: [{ ...team, groups: { admin: [] }, awsRoleArns: { admin: ["arn:aws:iam::123456789012:role/leads"] } }] })).toEqual([
      `${NS}:teams[0].awsRoleArns.admin: ["arn:aws:iam::123456789012:role/leads"] is not allowed with groups.admin []: the access entries would map to no group; list groups or remove the ARNs`,
    ]);
  });

  it("rejects Kubernetes' reserved groups, and on gcp anything but group emails", () => {
    expect(issuesOf({ teams: [{ ...team, groups: { admin: ["system:masters"] } }] })).toEqual([
      `${NS}:teams[0].groups.admin[0]: "system:masters" is not allowed: the "system:" prefix is reserved for Kubernetes' own groups`,
    ]);
    const gcpIssues = issuesOf({ teams: [{ ...team, groups: { ml_engineer: ["ml@example.com"], data_scientist: ["ds"], model_reviewer: [] } }] }, "gcp");
    expect(gcpIssues).toEqual([
      `${NS}:teams[0].groups.data_scientist[0]: "ds" is not allowed on gcp: GKE binds Google groups by email, e.g. "ml-engineers@example.com"`,
      `${NS}:teams[0].groups.admin: is required on gcp: list the Google group emails (Google Groups for RBAC) bound to this role, or [] for none`,
    ]);
  });

  it("accepts the shipped team shape (seed 002) and GPU up to 64", () => {
    expect(issuesOf({ teams: [{ ...team, gpu: 4, persistentVolumeClaims: 10, storageGi: 500 }] })).toEqual([]);
    expect(issuesOf({ teams: [{ ...team, gpu: 65 }] })).toEqual([`${NS}:teams[0].gpu: 65 is not allowed: must be <= 64`]);
  });
});
