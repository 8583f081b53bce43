import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
// The ec2 module only: the package index also loads awsx classic (ECS, the AWS SDK), ~150 ms.
import * as awsxEc2 from "@pulumi/awsx/ec2";
import type { ResolvedNetworkArgs } from "../defaults";
import { fromStackRoot } from "../aliases";
import type { NetworkOutputs } from "../types";
import { flowLogs, type AwsFlowLogs } from "./aws-flow-logs";
import { vpcEndpoints, type AwsVpcEndpoints } from "./aws-endpoints";

/** The native AWS resources behind a Network: the escape hatch. */
export interface AwsNetworkNative {
  /** A remote component: its subnets, route tables and NAT gateways are its children. */
  vpc: awsxEc2.Vpc;
  /** The VPC's default security group, adopted and emptied. */
  defaultSecurityGroup: aws.ec2.DefaultSecurityGroup;
  /** Set when `flowLogs` is on. */
  flowLogs?: AwsFlowLogs;
  /** Set when `vpcEndpoints` is on. */
  endpoints?: AwsVpcEndpoints;
}

/** A subnet or route table association as awsx returns it: a resource (engine) or a plain object (mocks). */
type Ref<T extends string> = { [K in T]: pulumi.Input<string> };

/** The route tables of the private subnets, from the VPC's route table associations. */
export function privateRouteTableIds(vpc: awsxEc2.Vpc): pulumi.Output<string[]> {
  return pulumi.all([vpc.privateSubnetIds, vpc.routeTableAssociations]).apply(([ids, associations]) =>
    pulumi
      .all((associations as unknown as Ref<"subnetId" | "routeTableId">[]).map((a) => pulumi.all([a.subnetId, a.routeTableId])))
      .apply((pairs) => [...new Set(pairs.filter(([subnet]) => ids.includes(subnet)).map(([, table]) => table))]),
  );
}

/** The private subnet of each AZ, by AZ name. */
function subnetsByZone(vpc: awsxEc2.Vpc): pulumi.Output<Record<string, string>> {
  return vpc.privateSubnets.apply((subnets) =>
    pulumi
      .all((subnets as unknown as Ref<"id" | "availabilityZone">[]).map((s) => pulumi.all([s.availabilityZone, s.id])))
      .apply((pairs) => Object.fromEntries(pairs)),
  );
}

/**
 * An awsx VPC over `azCount` AZs with a private and a public subnet in each, NAT per
 * `natGateways`, DNS on; the default security group stripped of its rules; flow logs and VPC
 * endpoints when on. The VPC and the flow logs keep the logical names the stack shipped with,
 * aliased from the stack root.
 */
export function build(parent: pulumi.Resource, name: string, r: ResolvedNetworkArgs): { outputs: NetworkOutputs; native: AwsNetworkNative } {
  const tags = { ...r.tags };
  const vpc = new awsxEc2.Vpc(
    name,
    {
      cidrBlock: r.cidr,
      numberOfAvailabilityZones: r.azCount,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      natGateways: { strategy: r.natGateways === "single" ? awsxEc2.NatGatewayStrategy.Single : awsxEc2.NatGatewayStrategy.OnePerAz },
      subnetStrategy: awsxEc2.SubnetAllocationStrategy.Auto,
      subnetSpecs: [{ type: awsxEc2.SubnetType.Private }, { type: awsxEc2.SubnetType.Public }],
      tags,
    },
    { parent, aliases: fromStackRoot() },
  );
  // AWS creates a default group that lets members talk to each other and out anywhere; adopting
  // it with no rules removes them, so nothing can rely on it by accident.
  const defaultSecurityGroup = new aws.ec2.DefaultSecurityGroup(`${name}-default-sg`, { vpcId: vpc.vpcId, tags }, { parent });
  const logs = r.flowLogs ? flowLogs(parent, name, vpc.vpcId, r) : undefined;
  const endpoints = r.vpcEndpoints ? vpcEndpoints(parent, name, vpc, privateRouteTableIds(vpc), r) : undefined;

  const cidr = pulumi.output(r.cidr);
  return {
    outputs: {
      networkId: vpc.vpcId,
      cidr,
      privateSubnetIds: vpc.privateSubnetIds,
      publicSubnetIds: vpc.publicSubnetIds,
      privateSubnetsByZone: subnetsByZone(vpc),
      placement: { aws: { vpcId: vpc.vpcId, subnetIds: vpc.privateSubnetIds, allowedCidrBlocks: [r.cidr] } },
      gke: undefined,
      apis: {},
    },
    native: { vpc, defaultSecurityGroup, ...(logs ? { flowLogs: logs } : {}), ...(endpoints ? { endpoints } : {}) },
  };
}
