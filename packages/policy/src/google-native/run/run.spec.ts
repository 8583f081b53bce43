import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

describe("google-native-run-service-not-public", () => {
  const policy = "google-native-run-service-not-public";

  it("passes invokers that are service accounts", async () => {
    expect(await violations(policy, [res("google-native:run/v2:ServiceIamBinding", "b", { name: "svc", role: "roles/run.invoker", members: ["serviceAccount:a@p.iam.gserviceaccount.com"] })])).toEqual([]);
  });

  it("flags allUsers on v1 and v2 services", async () => {
    expect(
      await violations(policy, [
        res("google-native:run/v1:ServiceIamMember", "m", { name: "svc", role: "roles/run.invoker", member: "allUsers" }),
        res("google-native:run/v2:ServiceIamPolicy", "p", { serviceId: "svc", bindings: [{ role: "roles/run.invoker", members: ["allUsers"] }] }),
      ]),
    ).toHaveLength(2);
  });
});
