import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { TIER_DEFAULTS } from "@mlops/core";
import type { ResolvedNetworkArgs } from "../defaults";
import { fromStackRoot } from "../aliases";

/** The flow log of a VPC and what it writes with. */
export interface AwsFlowLogs {
  /** Customer key of the log group, rotated yearly; its policy lets CloudWatch Logs use it for this log group only. */
  key: aws.kms.Key;
  logGroup: aws.cloudwatch.LogGroup;
  /** Assumed by the flow logs service for this account's flow logs only. */
  role: aws.iam.Role;
  rolePolicy: aws.iam.RolePolicy;
  flowLog: aws.ec2.FlowLog;
}

/** Permissions CloudWatch Logs needs on a customer key (AWS: "Encrypt log data in CloudWatch Logs using AWS KMS"). */
export const LOGS_KEY_ACTIONS = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"];

/**
 * Flow logs of every packet decision in the VPC, to a CloudWatch log group kept for the tier's
 * log retention and encrypted with its own customer key. The log group, role, role policy and
 * flow log keep the names the stack shipped with (aliased from the stack root).
 */
export function flowLogs(parent: pulumi.Resource, name: string, vpcId: pulumi.Input<string>, r: ResolvedNetworkArgs): AwsFlowLogs {
  const tags = { ...r.tags };
  const account = aws.getCallerIdentityOutput({}, { parent }).accountId;
  const { partition, dnsSuffix } = aws.getPartitionOutput({}, { parent });
  const groupName = `${name}-flow-logs`;
  // The log group's name is generated (`<groupName>-<suffix>`, as it was when the stack shipped;
  // naming it now would replace it), so the key cannot name its ARN before it exists: the
  // condition admits this stack's flow-log groups by that prefix, in this account and region.
  const logGroupArns = pulumi.interpolate`arn:${partition}:logs:${r.region}:${account}:log-group:${groupName}-*`;
  const key = new aws.kms.Key(
    `${groupName}-key`,
    {
      description: `Encrypts the ${name} VPC flow logs`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
          // The account's IAM policies govern the key, as with AWS's default key policy.
          { Sid: "AccountAdministers", Effect: "Allow", Principal: { AWS: pulumi.interpolate`arn:${partition}:iam::${account}:root` }, Action: "kms:*", Resource: "*" },
          {
            Sid: "CloudWatchLogsEncryptsFlowLogs",
            Effect: "Allow",
            Principal: { Service: pulumi.interpolate`logs.${r.region}.${dnsSuffix}` },
            Action: LOGS_KEY_ACTIONS,
            Resource: "*",
            Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": logGroupArns } },
          },
        ],
      }),
      tags,
    },
    { parent, protect: r.protect },
  );
  const logGroup = new aws.cloudwatch.LogGroup(
    groupName,
    { retentionInDays: TIER_DEFAULTS[r.tier].logRetentionDays, kmsKeyId: key.arn, tags },
    { parent, aliases: fromStackRoot() },
  );
  const role = new aws.iam.Role(
    groupName,
    {
      assumeRolePolicy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Service: "vpc-flow-logs.amazonaws.com" },
            Action: "sts:AssumeRole",
            // Confused deputy: only flow logs of this account and region may assume the role.
            Condition: {
              StringEquals: { "aws:SourceAccount": account },
              ArnLike: { "aws:SourceArn": pulumi.interpolate`arn:${partition}:ec2:${r.region}:${account}:vpc-flow-log/*` },
            },
          },
        ],
      }),
      tags,
    },
    { parent, aliases: fromStackRoot() },
  );
  const rolePolicy = new aws.iam.RolePolicy(
    groupName,
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
    { parent, aliases: fromStackRoot() },
  );
  // Created before its permissions, the flow log fails to deliver ("access error") until retried.
  const flowLog = new aws.ec2.FlowLog(
    name,
    { vpcId, trafficType: "ALL", logDestinationType: "cloud-watch-logs", logDestination: logGroup.arn, iamRoleArn: role.arn, tags },
    { parent, aliases: fromStackRoot(), dependsOn: [rolePolicy] },
  );
  return { key, logGroup, role, rolePolicy, flowLog };
}
