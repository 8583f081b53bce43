import type { StackValidationPolicy } from "@pulumi/policy";
import { idsOf, refersTo } from "../../lib/graph";
import { definePolicy } from "../../lib/registry";
import { field } from "../../lib/values";

/**
 * Every aws-native VPC has a VPC-level flow log: an `aws-native:ec2:FlowLog` with resourceType
 * "VPC" whose `resourceId` is the VPC's id (`id` or `vpcId`), or, while those are unknown,
 * depends on the VPC.
 */
export const awsNativeEc2VpcFlowLogsEnabled = definePolicy<StackValidationPolicy>(
  {
    name: "aws-native-ec2-vpc-flow-logs-enabled",
    description:
      'Every aws-native ec2.Vpc must have an aws-native ec2.FlowLog with resourceType "VPC" on its id: without flow logs ' +
      "there is no record of who talked to what, for incident response or for the security-violation alert.",
    validateStack: (args, reportViolation) => {
      const flowLogs = args.resources.filter((r) => r.type === "aws-native:ec2:FlowLog" && field(r.props, "resourceType") === "VPC");
      for (const vpc of args.resources.filter((r) => r.type === "aws-native:ec2:Vpc")) {
        const ids = idsOf(vpc, "id", "vpcId");
        if (!flowLogs.some((log) => refersTo(log, "resourceId", vpc, ids))) {
          reportViolation(`VPC ${vpc.name} has no flow log: add an aws-native ec2.FlowLog with resourceType "VPC" and resourceId set to the VPC's id.`, vpc.urn);
        }
      }
    },
  },
  { vendor: "aws-native", services: ["ec2"], topics: ["logging", "network"], frameworks: ["cis"], severity: "medium" },
);
