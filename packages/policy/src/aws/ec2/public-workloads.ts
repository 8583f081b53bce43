import type { PolicyResource } from "@pulumi/policy";
import { isRecord, knownStrings, elements, field, type Peeked, UNKNOWN } from "../../lib/values";
import { related } from "../../lib/graph";

/** A resource that runs with a public IP and the security group ids it states, with the input key they sit under. */
interface PublicWorkload {
  resource: PolicyResource;
  /** Top-level input the group ids come from (its property dependencies name the groups while ids are unknown). */
  keys: string[];
  groupIds: Peeked<unknown>[];
  why: string;
}

const isTrue = (v: Peeked<unknown>) => v === true || v === "true";
const list = (v: Peeked<unknown>) => (v === UNKNOWN ? [] : elements(v));

/** ECS services (and awsx Fargate/EC2 service components) with `networkConfiguration.assignPublicIp` true. */
function ecsService(r: PolicyResource): PublicWorkload | undefined {
  if (r.type !== "aws:ecs/service:Service" && r.type !== "awsx:ecs:FargateService" && r.type !== "awsx:ecs:EC2Service") return undefined;
  const network = field(r.props, "networkConfiguration");
  if (!isTrue(field(network, "assignPublicIp"))) return undefined;
  return { resource: r, keys: ["networkConfiguration"], groupIds: list(field(network, "securityGroups")), why: `ECS service ${r.name} (assignPublicIp true)` };
}

/** Instances and launch configurations with `associatePublicIpAddress` true. */
function instance(r: PolicyResource): PublicWorkload | undefined {
  if (r.type !== "aws:ec2/instance:Instance" && r.type !== "aws:ec2/launchConfiguration:LaunchConfiguration") return undefined;
  if (!isTrue(field(r.props, "associatePublicIpAddress"))) return undefined;
  const keys = ["vpcSecurityGroupIds", "securityGroups"];
  const kind = r.type === "aws:ec2/instance:Instance" ? "instance" : "launch configuration";
  return { resource: r, keys, groupIds: keys.flatMap((k) => list(field(r.props, k))), why: `${kind} ${r.name} (associatePublicIpAddress true)` };
}

/** Launch templates with a network interface that has `associatePublicIpAddress` "true". */
function launchTemplate(r: PolicyResource): PublicWorkload | undefined {
  if (r.type !== "aws:ec2/launchTemplate:LaunchTemplate") return undefined;
  const publicInterfaces = list(field(r.props, "networkInterfaces")).filter((ni) => isRecord(ni) && isTrue(field(ni, "associatePublicIpAddress")));
  if (publicInterfaces.length === 0) return undefined;
  const groupIds = [...publicInterfaces.flatMap((ni) => list(field(ni, "securityGroups"))), ...list(field(r.props, "vpcSecurityGroupIds"))];
  return { resource: r, keys: ["networkInterfaces", "vpcSecurityGroupIds"], groupIds, why: `launch template ${r.name} (public IP on its network interface)` };
}

/** Every resource of the stack that runs with a public IP and names security groups. */
export function publicWorkloads(resources: readonly PolicyResource[]): PublicWorkload[] {
  return resources.flatMap((r) => {
    const found = ecsService(r) ?? instance(r) ?? launchTemplate(r);
    return found ? [found] : [];
  });
}

/**
 * The workload of `workloads` that uses `sg`, described for a message, or `undefined`. A
 * workload uses the group when one of its stated group ids is the group's id, or, while ids
 * are unknown, when the input holding them depends on the group (or, in a graph recorded
 * without property dependencies, when the workload depends on it at all).
 */
export function publicWorkloadUsing(sg: PolicyResource, sgIds: readonly string[], workloads: readonly PublicWorkload[]): string | undefined {
  for (const w of workloads) {
    if (knownStrings(w.groupIds).some((id) => sgIds.includes(id))) return w.why;
    const deps = w.keys.flatMap((k) => w.resource.propertyDependencies[k] ?? []);
    if (deps.some((d) => related(d, sg))) return w.why;
    if (Object.keys(w.resource.propertyDependencies).length === 0 && w.resource.dependencies.some((d) => related(d, sg))) return w.why;
  }
  return undefined;
}
