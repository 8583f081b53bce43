import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

describe("google-native-cloudfunctions-function-not-public", () => {
  const policy = "google-native-cloudfunctions-function-not-public";

  it("passes invokers that are service accounts", async () => {
    expect(
      await violations(policy, [res("google-native:cloudfunctions/v2:FunctionIamMember", "m", { name: "fn", role: "roles/cloudfunctions.invoker", member: "serviceAccount:a@p.iam.gserviceaccount.com" })]),
    ).toEqual([]);
  });

  it("flags public invokers on v1 and v2 members, bindings and policies", async () => {
    const found = await violations(policy, [
      res("google-native:cloudfunctions/v1:FunctionIamMember", "m", { name: "fn", role: "roles/cloudfunctions.invoker", member: "allUsers" }),
      res("google-native:cloudfunctions/v2:FunctionIamBinding", "b", { name: "fn", role: "roles/cloudfunctions.invoker", members: ["allAuthenticatedUsers"] }),
      res("google-native:cloudfunctions/v1:FunctionIamPolicy", "p", { functionId: "fn", bindings: [{ role: "roles/cloudfunctions.invoker", members: ["allUsers"] }] }),
    ]);
    expect(found).toEqual([
      "grants roles/cloudfunctions.invoker to allUsers: anyone on the internet can invoke the function. Grant it to specific service accounts, users or groups instead.",
      "grants roles/cloudfunctions.invoker to allAuthenticatedUsers: anyone on the internet can invoke the function. Grant it to specific service accounts, users or groups instead.",
      "grants roles/cloudfunctions.invoker to allUsers: anyone on the internet can invoke the function. Grant it to specific service accounts, users or groups instead.",
    ]);
  });
});
