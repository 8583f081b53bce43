import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const policy = "gcp-cloudrun-service-not-public";
const INVOKER = "roles/run.invoker";

describe("gcp-cloudrun-service-not-public", () => {
  it("passes invoker grants to service accounts on v1 and v2 services", async () => {
    expect(
      await violations(policy, [
        res("gcp:cloudrun/iamMember:IamMember", "m", { service: "svc", location: "europe-west1", role: INVOKER, member: "serviceAccount:a@p.iam.gserviceaccount.com" }),
        res("gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding", "b", { name: "svc", role: INVOKER, members: ["serviceAccount:a@p.iam.gserviceaccount.com"] }),
      ]),
    ).toEqual([]);
  });

  it("flags public invokers on the v1 IAM member, v2 member, v2 binding and v1 policy", async () => {
    const found = await violations(policy, [
      res("gcp:cloudrun/iamMember:IamMember", "m1", { role: INVOKER, member: "allUsers" }),
      res("gcp:cloudrunv2/serviceIamMember:ServiceIamMember", "m2", { role: INVOKER, member: "allAuthenticatedUsers" }),
      res("gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding", "b2", { role: INVOKER, members: ["allUsers"] }),
      res("gcp:cloudrun/iamPolicy:IamPolicy", "p1", { policyData: JSON.stringify({ bindings: [{ role: INVOKER, members: ["allUsers", "user:a@example.com"] }] }) }),
    ]);
    expect(found).toHaveLength(4);
    expect(found[1]).toBe(
      `grants ${INVOKER} to allAuthenticatedUsers: anyone on the internet can call the service. Grant it to specific service accounts, users or groups instead.`,
    );
  });
});
