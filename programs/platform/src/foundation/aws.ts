import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import { awsCustomerKey } from "@mlops/core";
import type { FoundationBuilder } from "./types";

/**
 * The AWS base layer: a VPC with private subnets (NAT per tier) and flow logs on, and the
 * customer-managed KMS key the data services encrypt with. The full Network component
 * (SPEC §2) grows out of this.
 */
export const awsFoundation: FoundationBuilder = (config, tags, providers) => {
  const opts = { provider: providers.primary };
  const vpc = new awsx.ec2.Vpc(
    "network",
    {
      cidrBlock: config.network.cidr,
      numberOfAvailabilityZones: config.network.azCount,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      natGateways: { strategy: config.network.natGateways === "single" ? awsx.ec2.NatGatewayStrategy.Single : awsx.ec2.NatGatewayStrategy.OnePerAz },
      subnetStrategy: awsx.ec2.SubnetAllocationStrategy.Auto,
      subnetSpecs: [{ type: awsx.ec2.SubnetType.Private }, { type: awsx.ec2.SubnetType.Public }],
      tags: { ...tags },
    },
    { providers: [providers.primary] },
  );

  if (config.network.flowLogs) {
    // CloudWatch Logs encrypts at rest by default; a CMK here would need a key policy for logs.amazonaws.com.
    const logGroup = new aws.cloudwatch.LogGroup("network-flow-logs", { retentionInDays: config.tier === "prod" ? 365 : 90, tags: { ...tags } }, opts);
    const role = new aws.iam.Role(
      "network-flow-logs",
      {
        assumeRolePolicy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Principal: { Service: "vpc-flow-logs.amazonaws.com" }, Action: "sts:AssumeRole" }],
        }),
        tags: { ...tags },
      },
      opts,
    );
    new aws.iam.RolePolicy(
      "network-flow-logs",
      {
        role: role.id,
        policy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups", "logs:DescribeLogStreams"],
              Resource: [logGroup.arn, pulumi.interpolate`${logGroup.arn}:*`],
            },
          ],
        }),
      },
      opts,
    );
    new aws.ec2.FlowLog(
      "network",
      { vpcId: vpc.vpcId, trafficType: "ALL", logDestinationType: "cloud-watch-logs", logDestination: logGroup.arn, iamRoleArn: role.arn, tags: { ...tags } },
      opts,
    );
  }

  const key = awsCustomerKey("data-key", { description: `${config.project}-${config.stack} data services`, tags }, { ...opts, protect: config.protect });
  return {
    placement: { aws: { vpcId: vpc.vpcId, subnetIds: vpc.privateSubnetIds, allowedCidrBlocks: [config.network.cidr] } },
    kmsKeyId: key.arn,
    outputs: { vpcId: vpc.vpcId, privateSubnetIds: vpc.privateSubnetIds },
  };
};
