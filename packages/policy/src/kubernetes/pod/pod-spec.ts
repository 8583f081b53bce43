import type * as k8s from "@pulumi/kubernetes";
import type { Unwrap } from "@pulumi/pulumi";
import type { ResourceValidation, ResourceValidationArgs, ReportViolation } from "@pulumi/policy";

/** A Pod spec as the policies read it (inputs, unwrapped). */
export type PodSpec = Unwrap<k8s.types.input.core.v1.PodSpec>;
/** A container (regular, init or ephemeral) as the policies read it. */
export type Container = Unwrap<k8s.types.input.core.v1.Container>;

/** Where each workload kind keeps its Pod spec, as a property path. */
export const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  "kubernetes:core/v1:Pod": ["spec"],
  "kubernetes:core/v1:PodTemplate": ["template", "spec"],
  "kubernetes:core/v1:ReplicationController": ["spec", "template", "spec"],
  "kubernetes:apps/v1:Deployment": ["spec", "template", "spec"],
  "kubernetes:apps/v1:StatefulSet": ["spec", "template", "spec"],
  "kubernetes:apps/v1:DaemonSet": ["spec", "template", "spec"],
  "kubernetes:apps/v1:ReplicaSet": ["spec", "template", "spec"],
  "kubernetes:batch/v1:Job": ["spec", "template", "spec"],
  "kubernetes:batch/v1:CronJob": ["spec", "jobTemplate", "spec", "template", "spec"],
};

/** The Pod spec of a workload, `undefined` when the resource is not a workload or has none. */
export function podSpecOf(args: ResourceValidationArgs): PodSpec | undefined {
  const path = POD_SPEC_PATHS[args.type];
  if (!path) return args.notApplicable("Policy only applies to Kubernetes workloads (Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob, ...)");
  let current: unknown = args.props;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === "object" && current !== null ? (current as PodSpec) : undefined;
}

/** Every container of a Pod spec with its kind, for messages. */
export function containersOf(spec: PodSpec): { kind: string; container: Container }[] {
  const all: { kind: string; container: Container }[] = [];
  for (const c of spec.containers ?? []) all.push({ kind: "container", container: c });
  for (const c of spec.initContainers ?? []) all.push({ kind: "init container", container: c });
  for (const c of spec.ephemeralContainers ?? []) all.push({ kind: "ephemeral container", container: c });
  return all;
}

/** A validation over the Pod spec of any workload kind in {@link POD_SPEC_PATHS}. */
export function validatePodSpec(check: (spec: PodSpec, report: ReportViolation) => void): ResourceValidation {
  return (args, report) => {
    const spec = podSpecOf(args);
    if (spec) check(spec, report);
  };
}
