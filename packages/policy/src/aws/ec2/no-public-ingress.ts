import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { idsOf, refersTo } from "../../lib/graph";
import { DEFAULT_PUBLIC_PORTS, describePorts, isWorldCidr, onlyAllowedPorts, type PortRule } from "../../lib/network";
import { dig } from "../../lib/values";
import { inlineIngress, standaloneRule } from "./ingress-rules";
import { publicWorkloadUsing, publicWorkloads } from "./public-workloads";
import { definePolicy } from "../../lib/registry";

/** Tag that marks a security group as a load balancer's when the load balancer is not in the stack. */
export const LOAD_BALANCER_ROLE_TAG = { key: "role", value: "load-balancer" } as const;

const isLoadBalancer = (r: PolicyResource) =>
  r.type === "aws:lb/loadBalancer:LoadBalancer" || r.type === "aws:alb/loadBalancer:LoadBalancer" || r.type === "aws:elb/loadBalancer:LoadBalancer";

/**
 * Heuristic: a security group belongs to a load balancer when a load balancer in the stack
 * lists it in `securityGroups` (by id, or by dependency while ids are unknown), or when it
 * carries the tag `role=load-balancer` (for load balancers created elsewhere, e.g. by an
 * ingress controller).
 */
function isLoadBalancerGroup(sg: PolicyResource, loadBalancers: readonly PolicyResource[]): boolean {
  if (dig(sg.props, "tags", LOAD_BALANCER_ROLE_TAG.key) === LOAD_BALANCER_ROLE_TAG.value) return true;
  const ids = idsOf(sg, "id");
  return loadBalancers.some((lb) => refersTo(lb, "securityGroups", sg, ids));
}

/** Configuration of {@link awsEc2NoPublicIngress}. */
export interface PublicIngressConfig {
  /** TCP ports load balancers may open to the internet. Default: 80 and 443. */
  allowedPorts?: number[];
}

/**
 * No security group accepts traffic from 0.0.0.0/0 or ::/0, except TCP 80/443 on a load
 * balancer's security group that no public-IP workload shares: an ECS service with
 * `assignPublicIp`, or an instance, launch configuration or launch template with a public IP,
 * that uses the group would take those ports from the internet directly, beside the load balancer. Covers inline `ingress` on `aws.ec2.SecurityGroup`, standalone
 * `aws.ec2.SecurityGroupRule` (type ingress) and `aws.vpc.SecurityGroupIngressRule`
 * (`ipProtocol` "-1" = all ports). A stack policy, to find the group a standalone rule opens
 * (its `securityGroupId`) and the load balancers that use a group.
 */
export const awsEc2NoPublicIngress = definePolicy<StackValidationPolicy>(
  {
    name: "aws-ec2-no-public-ingress",
    description:
      "Security groups must not accept traffic from 0.0.0.0/0 or ::/0 (inline ingress, SecurityGroupRule, " +
      "SecurityGroupIngressRule), except TCP 80/443 on load balancer security groups that no public-IP task or instance " +
      "shares: SSH, databases and services are " +
      "reached through private networks only.",
    configSchema: {
      properties: { allowedPorts: { type: "array", items: { type: "integer" }, default: [...DEFAULT_PUBLIC_PORTS] } },
    },
    validateStack: (args, reportViolation) => {
      const allowed = args.getConfig<PublicIngressConfig>().allowedPorts ?? DEFAULT_PUBLIC_PORTS;
      const groups = args.resources.filter((r) => r.type === "aws:ec2/securityGroup:SecurityGroup");
      const loadBalancers = args.resources.filter(isLoadBalancer);
      const workloads = publicWorkloads(args.resources);
      /** Why the load-balancer exception does not cover `sg`, or `undefined` when it does. */
      const notExempt = (sg: PolicyResource | undefined, where: string): string | undefined => {
        if (!sg || !isLoadBalancerGroup(sg, loadBalancers)) return `, and ${where} does not belong to a load balancer`;
        const workload = publicWorkloadUsing(sg, idsOf(sg, "id"), workloads);
        if (!workload) return undefined;
        return `, and ${where} is also used by ${workload}, which takes that traffic straight from the internet: give it a group of its own that admits only the load balancer's group`;
      };
      const check = (declaredBy: PolicyResource, sg: PolicyResource | undefined, rule: PortRule, cidrs: string[]) => {
        const world = cidrs.filter(isWorldCidr);
        if (world.length === 0) return;
        const where = sg ? `security group ${sg.name}` : "its security group";
        const why = onlyAllowedPorts(rule, allowed) ? notExempt(sg, where) : "";
        if (why === undefined) return;
        reportViolation(`${declaredBy.name} opens ${describePorts(rule)} to ${world.join(", ")} on ${where}${why}.`, declaredBy.urn);
      };
      for (const sg of groups) for (const { rule, cidrs } of inlineIngress(sg)) check(sg, sg, rule, cidrs);
      for (const r of args.resources) {
        const standalone = standaloneRule(r);
        if (!standalone) continue;
        const sg = groups.find((g) => refersTo(r, "securityGroupId", g, idsOf(g, "id")));
        check(r, sg, standalone.rule, standalone.cidrs);
      }
    },
  },
  { vendor: "aws", services: ["ec2", "vpc"], topics: ["network"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "critical" },
);
