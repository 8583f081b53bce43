import { describe, expect, it } from "@jest/globals";
import { res, runPolicy, unknown, violations } from "../../testing";

const container = (securityContext: Record<string, unknown> = {}) => ({ name: "app", image: "app:1", securityContext });
const deployment = (spec: Record<string, unknown>) => res("kubernetes:apps/v1:Deployment", "app", { spec: { selector: {}, template: { spec } } });
const cronJob = (spec: Record<string, unknown>) =>
  res("kubernetes:batch/v1:CronJob", "nightly", { spec: { schedule: "0 2 * * *", jobTemplate: { spec: { template: { spec } } } } });

describe("kubernetes-pod-no-privileged-containers", () => {
  const policy = "kubernetes-pod-no-privileged-containers";

  it("passes unprivileged containers in every workload kind", async () => {
    const spec = { containers: [container({ privileged: false })] };
    const resources = [
      res("kubernetes:core/v1:Pod", "pod", { spec }),
      deployment(spec),
      res("kubernetes:apps/v1:StatefulSet", "db", { spec: { template: { spec } } }),
      res("kubernetes:apps/v1:DaemonSet", "agent", { spec: { template: { spec } } }),
      res("kubernetes:batch/v1:Job", "job", { spec: { template: { spec } } }),
      cronJob(spec),
    ];
    expect(await violations(policy, resources)).toEqual([]);
  });

  it("flags a privileged container in a Deployment", async () => {
    expect(await violations(policy, [deployment({ containers: [container({ privileged: true })] })])).toEqual(['The container "app" is privileged.']);
  });

  it("flags a privileged init container in a CronJob's job template", async () => {
    const spec = { containers: [container()], initContainers: [{ ...container({ privileged: true }), name: "setup" }] };
    expect(await violations(policy, [cronJob(spec)])).toEqual(['The init container "setup" is privileged.']);
  });
});

describe("kubernetes-pod-no-host-namespaces", () => {
  const policy = "kubernetes-pod-no-host-namespaces";

  it("passes a Pod that keeps its own namespaces", async () => {
    expect(await violations(policy, [res("kubernetes:core/v1:Pod", "pod", { spec: { containers: [container()] } })])).toEqual([]);
  });

  it("flags hostNetwork and hostPID on a DaemonSet", async () => {
    const ds = res("kubernetes:apps/v1:DaemonSet", "agent", { spec: { template: { spec: { hostNetwork: true, hostPID: true, containers: [container()] } } } });
    expect(await violations(policy, [ds])).toEqual(["The Pod spec sets hostNetwork, hostPID to true."]);
  });
});

describe("kubernetes-pod-no-privilege-escalation", () => {
  const policy = "kubernetes-pod-no-privilege-escalation";

  it("passes containers that forbid privilege escalation", async () => {
    expect(await violations(policy, [deployment({ containers: [container({ allowPrivilegeEscalation: false })] })])).toEqual([]);
  });

  it("flags a container that allows privilege escalation", async () => {
    const job = res("kubernetes:batch/v1:Job", "migrate", { spec: { template: { spec: { containers: [container({ allowPrivilegeEscalation: true })] } } } });
    expect(await violations(policy, [job])).toEqual(['The container "app" sets allowPrivilegeEscalation true.']);
  });

  it("reports a security context that is unknown during preview as not evaluated, not as a violation", async () => {
    const result = await runPolicy(policy, [deployment({ containers: [{ name: "app", image: unknown, securityContext: unknown }] })]);
    expect(result.violations).toEqual([]);
    expect(result.indeterminate.map((v) => v.policyName)).toEqual([policy]);
  });
});
