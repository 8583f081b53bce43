import { describe, expect, it } from "@jest/globals";
import { flagged, res, unknown, via, violations } from "../../testing";

const VPC = "aws-native:ec2:Vpc";
const FLOW_LOG = "aws-native:ec2:FlowLog";

describe("aws-native-ec2-vpc-flow-logs-enabled", () => {
  const policy = "aws-native-ec2-vpc-flow-logs-enabled";

  it("passes a VPC whose flow log names its id, and one whose flow log depends on it while the id is unknown", async () => {
    const vpc = res(VPC, "main", { cidrBlock: "10.0.0.0/16" }, { id: "vpc-1" });
    const log = res(FLOW_LOG, "main", { resourceId: "vpc-1", resourceType: "VPC", trafficType: "ALL" });
    const other = res(VPC, "other", { cidrBlock: "10.1.0.0/16" });
    const otherLog = via(res(FLOW_LOG, "other", { resourceId: unknown, resourceType: "VPC", trafficType: "ALL" }), "resourceId", other);
    expect(await violations(policy, [vpc, log, other, otherLog])).toEqual([]);
  });

  it("flags a VPC without a flow log, or whose only flow log is on a subnet", async () => {
    const vpc = res(VPC, "main", { cidrBlock: "10.0.0.0/16" }, { id: "vpc-1" });
    expect(await violations(policy, [vpc])).toEqual([
      'VPC main has no flow log: add an aws-native ec2.FlowLog with resourceType "VPC" and resourceId set to the VPC\'s id.',
    ]);
    const subnetLog = via(res(FLOW_LOG, "subnet", { resourceId: unknown, resourceType: "Subnet", trafficType: "ALL" }), "resourceId", vpc);
    expect(await flagged(policy, [vpc, subnetLog])).toEqual(["main"]);
  });
});
