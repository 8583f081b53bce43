import { describe, expect, it } from "@jest/globals";
import { res, runPolicy, unknown, violations } from "../../testing";

const policy = "gcp-cloudfunctions-function-not-public";
const INVOKER = "roles/cloudfunctions.invoker";

describe("gcp-cloudfunctions-function-not-public", () => {
  it("passes grants to service accounts and groups (v1 member, v2 binding, v1 policy)", async () => {
    const member = res("gcp:cloudfunctions/functionIamMember:FunctionIamMember", "m", { cloudFunction: "fn", role: INVOKER, member: "serviceAccount:ci@p.iam.gserviceaccount.com" });
    const binding = res("gcp:cloudfunctionsv2/functionIamBinding:FunctionIamBinding", "b", { cloudFunction: "fn", role: INVOKER, members: ["group:ml@example.com"] });
    const iamPolicy = res("gcp:cloudfunctions/functionIamPolicy:FunctionIamPolicy", "p", {
      cloudFunction: "fn",
      policyData: JSON.stringify({ bindings: [{ role: INVOKER, members: ["user:a@example.com"] }] }),
    });
    expect(await violations(policy, [member, binding, iamPolicy])).toEqual([]);
  });

  it("flags allUsers and allAuthenticatedUsers on v1 and v2 members, bindings and policies", async () => {
    const found = await violations(policy, [
      res("gcp:cloudfunctions/functionIamMember:FunctionIamMember", "m1", { role: INVOKER, member: "allUsers" }),
      res("gcp:cloudfunctionsv2/functionIamMember:FunctionIamMember", "m2", { role: "roles/viewer", member: "allAuthenticatedUsers" }),
      res("gcp:cloudfunctions/functionIamBinding:FunctionIamBinding", "b1", { role: INVOKER, members: ["user:a@example.com", "allUsers"] }),
      res("gcp:cloudfunctionsv2/functionIamPolicy:FunctionIamPolicy", "p2", { policyData: JSON.stringify({ bindings: [{ role: INVOKER, members: ["allUsers"] }] }) }),
    ]);
    const suffix = ": anyone on the internet can invoke the function. Grant it to specific service accounts, users or groups instead.";
    expect(found).toEqual([
      `grants ${INVOKER} to allUsers${suffix}`,
      `grants roles/viewer to allAuthenticatedUsers${suffix}`,
      `grants ${INVOKER} to allUsers${suffix}`,
      `grants ${INVOKER} to allUsers${suffix}`,
    ]);
  });

  it("flags a policyData that is not JSON and does not judge an unknown member", async () => {
    expect(await violations(policy, [res("gcp:cloudfunctions/functionIamPolicy:FunctionIamPolicy", "p", { policyData: "bindings: []" })])).toEqual([
      "policyData is not JSON, so its members cannot be checked: pass the output of an IAM policy data source.",
    ]);
    const result = await runPolicy(policy, [res("gcp:cloudfunctions/functionIamMember:FunctionIamMember", "m", { role: INVOKER, member: unknown })]);
    expect(result.violations).toEqual([]);
    expect(result.indeterminate).toHaveLength(1);
  });
});
