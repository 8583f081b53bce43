import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { idsOf, isAncestor, refersTo } from "../../lib/graph";
import { definePolicy } from "../../lib/registry";

/** The awsx VPC component's type token (a remote component: its children are not always in the graph). */
export const AWSX_VPC_TYPE = "awsx:ec2:Vpc";

/**
 * Every VPC has a VPC-level flow log (`aws.ec2.FlowLog` with `vpcId`).
 *
 * VPCs are `aws.ec2.Vpc` resources, the region's default VPC once the program manages it
 * (`aws.ec2.DefaultVpc`), and `awsx:ec2:Vpc` components; a component is checked
 * itself only when none of its `aws.ec2.Vpc` children is in the graph (under the mock engine
 * a remote component has no children). A flow log covers a VPC when its `vpcId` equals the
 * VPC's `id` (or the component's `vpcId` output), or, while those are unknown, when its
 * `vpcId` depends on the VPC, on the component that contains it, or on a VPC inside it.
 */
export const awsEc2VpcFlowLogsEnabled = definePolicy<StackValidationPolicy>(
  {
    name: "aws-ec2-vpc-flow-logs-enabled",
    description:
      "Every VPC (aws.ec2.Vpc, aws.ec2.DefaultVpc or awsx.ec2.Vpc) must have an aws.ec2.FlowLog on its vpcId: without flow logs there is no " +
      "record of who talked to what, for incident response or for the security-violation alert.",
    validateStack: (args, reportViolation) => {
      const vpcs = args.resources.filter((r) => r.type === "aws:ec2/vpc:Vpc" || r.type === "aws:ec2/defaultVpc:DefaultVpc");
      const components = args.resources.filter((r) => r.type === AWSX_VPC_TYPE && !vpcs.some((v) => isAncestor(r, v)));
      const flowLogs = args.resources.filter((r) => r.type === "aws:ec2/flowLog:FlowLog");
      const check = (vpc: PolicyResource, ids: string[]) => {
        if (!flowLogs.some((log) => refersTo(log, "vpcId", vpc, ids))) {
          reportViolation(`VPC ${vpc.name} has no flow log (aws.ec2.FlowLog with vpcId).`, vpc.urn);
        }
      };
      for (const vpc of vpcs) check(vpc, idsOf(vpc, "id"));
      for (const vpc of components) check(vpc, idsOf(vpc, "vpcId"));
    },
  },
  { vendor: "aws", services: ["ec2"], topics: ["logging", "network"], frameworks: ["cis"], severity: "medium" },
);
