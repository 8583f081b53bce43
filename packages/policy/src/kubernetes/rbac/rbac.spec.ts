import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const ROLE = "kubernetes:rbac.authorization.k8s.io/v1:Role";
const CLUSTER_ROLE = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole";

describe("kubernetes-rbac-no-wildcard-secrets", () => {
  const policy = "kubernetes-rbac-no-wildcard-secrets";

  it("passes roles that read secrets with named verbs and use wildcards elsewhere", async () => {
    const resources = [
      res(ROLE, "reader", { metadata: { namespace: "ml" }, rules: [{ apiGroups: [""], resources: ["secrets", "configmaps"], verbs: ["get", "list", "watch"] }] }),
      res(CLUSTER_ROLE, "deployer", { rules: [{ apiGroups: ["apps"], resources: ["deployments"], verbs: ["*"] }, { nonResourceURLs: ["/healthz"], verbs: ["*"] }] }),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("flags verb * on secrets in the core group and in every group", async () => {
    const resources = [
      res(ROLE, "admin", { rules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["*"] }] }),
      res(CLUSTER_ROLE, "ops", { rules: [{ apiGroups: ["apps"], resources: ["deployments"], verbs: ["get"] }, { apiGroups: ["*"], resources: ["secrets"], verbs: ["*"] }] }),
    ];
    expect(await violations(policy, resources)).toEqual(['rules[0] grants verbs "*" on secrets.', 'rules[1] grants verbs "*" on secrets.']);
  });

  it("flags verb * on resources * whatever the API group", async () => {
    const resources = [res(CLUSTER_ROLE, "god", { rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }] }), res(ROLE, "apps-admin", { rules: [{ apiGroups: ["apps"], resources: ["*"], verbs: ["*"] }] })];
    expect(await violations(policy, resources)).toEqual(['rules[0] grants verbs "*" on resources "*".', 'rules[0] grants verbs "*" on resources "*".']);
  });

  it("does not flag verb * on secrets of another API group", async () => {
    expect(await violations(policy, [res(ROLE, "crd", { rules: [{ apiGroups: ["example.com"], resources: ["secrets"], verbs: ["*"] }] })])).toEqual([]);
  });
});
