import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import type * as random from "@pulumi/random";
import { TIER_DEFAULTS, awsKeyFor, dailyWindow, physicalName, requirePlacement, weeklyWindow } from "@mlops/core";
import { POSTGRES_PORT } from "../defaults";
import type { ResolvedDatabaseArgs } from "../defaults";
import { adminPassword, databaseOutputs } from "../connection";
import type { DatabaseOutputs } from "../types";

/** The native AWS resources behind a Database: the escape hatch. */
export interface AwsDatabaseNative {
  instance: aws.rds.Instance;
  subnetGroup: aws.rds.SubnetGroup;
  parameterGroup: aws.rds.ParameterGroup;
  securityGroup: aws.ec2.SecurityGroup;
  /** One per entry of `placement.aws.allowedCidrBlocks`, PostgreSQL port only. */
  ingressRules: readonly aws.vpc.SecurityGroupIngressRule[];
  /** Set when `kmsKeyId` was not given. */
  kmsKey?: aws.kms.Key;
  password: random.RandomPassword;
  /** The log groups RDS exports to, created first so they carry a retention. */
  logGroups: readonly aws.cloudwatch.LogGroup[];
}

/** The PostgreSQL logs exported to CloudWatch. */
export const EXPORTED_LOGS = ["postgresql", "upgrade"] as const;

/** Performance Insights is not offered on the smallest burstable classes. */
export function supportsPerformanceInsights(instanceClass: string): boolean {
  return !/^db\.t[234]g?\.(micro|small)$/.test(instanceClass);
}

/** Backups at the backup hour; maintenance on Sunday two hours later. */
export function awsWindows(hour: number): { backupWindow: string; maintenanceWindow: string } {
  return { backupWindow: dailyWindow(hour), maintenanceWindow: weeklyWindow("sun", hour + 2) };
}

/**
 * RDS PostgreSQL: encrypted with a customer KMS key, private (subnet group over the private subnets,
 * a security group open on 5432 only to `allowedCidrBlocks` and without egress rules), TLS forced,
 * automated backups, deletion protection and a final snapshot when `deletionProtection` is on.
 */
export function build(parent: pulumi.Resource, name: string, r: ResolvedDatabaseArgs): { outputs: DatabaseOutputs; native: AwsDatabaseNative } {
  const placement = requirePlacement(parent, r.placement, "aws");
  const tags = { ...r.tags };
  const child = { parent };
  const { key: kmsKey, keyArn: kmsKeyId } = awsKeyFor(parent, name, { given: r.kmsKeyId, description: `Storage encryption of the ${name} PostgreSQL database`, tags, protect: r.protect });
  // Fixed so the export log groups can exist (with a retention) before RDS writes to them.
  const identifier = physicalName([pulumi.getProject(), pulumi.getStack(), name], 63);
  const logGroups = EXPORTED_LOGS.map((log) => new aws.cloudwatch.LogGroup(`${name}-${log}-logs`, {
    name: `/aws/rds/instance/${identifier}/${log}`,
    retentionInDays: TIER_DEFAULTS[r.tier].logRetentionDays,
    tags,
  }, child));

  const subnetGroup = new aws.rds.SubnetGroup(`${name}-subnets`, { description: `Private subnets of ${name}`, subnetIds: placement.subnetIds, tags }, child);
  // No egress rule: the provider removes AWS's default allow-all egress, and RDS needs none.
  const securityGroup = new aws.ec2.SecurityGroup(`${name}-sg`, { description: `PostgreSQL ${name}: ${POSTGRES_PORT} from the allowed CIDR blocks only`, vpcId: placement.vpcId, tags }, child);
  const ingressRules = placement.allowedCidrBlocks.map((cidr, i) => {
    const block = pulumi.output(cidr);
    return new aws.vpc.SecurityGroupIngressRule(`${name}-ingress-${i}`, {
      securityGroupId: securityGroup.id,
      description: "PostgreSQL from an allowed CIDR block",
      ipProtocol: "tcp",
      fromPort: POSTGRES_PORT,
      toPort: POSTGRES_PORT,
      cidrIpv4: block.apply((c) => (c.includes(":") ? undefined : c)),
      cidrIpv6: block.apply((c) => (c.includes(":") ? c : undefined)),
      tags,
    }, child);
  });

  const parameterGroup = new aws.rds.ParameterGroup(`${name}-params`, {
    family: `postgres${r.engineVersion}`,
    description: `TLS-only, slow-query logging for ${name}`,
    parameters: [
      { name: "rds.force_ssl", value: "1" },
      { name: "log_min_duration_statement", value: "1000" },
      { name: "log_connections", value: "1" },
      { name: "log_disconnections", value: "1" },
    ],
    tags,
  }, child);

  const password = adminPassword(parent, name, r);
  const performanceInsights = supportsPerformanceInsights(r.instanceClass);
  const instance = new aws.rds.Instance(`${name}-postgres`, {
    identifier,
    engine: "postgres",
    engineVersion: r.engineVersion,
    instanceClass: r.instanceClass,
    dbName: r.databaseName,
    username: r.username,
    password: password.result,
    port: POSTGRES_PORT,
    allocatedStorage: r.sizeGb,
    // Unset when the ceiling is not 10 % above the size: RDS rejects that, autoscaling is off.
    maxAllocatedStorage: r.maxSizeGb,
    storageType: "gp3",
    storageEncrypted: true,
    kmsKeyId,
    publiclyAccessible: false,
    dbSubnetGroupName: subnetGroup.name,
    vpcSecurityGroupIds: [securityGroup.id],
    parameterGroupName: parameterGroup.name,
    multiAz: r.highAvailability,
    backupRetentionPeriod: r.backupRetentionDays,
    ...awsWindows(r.backupStartHour),
    copyTagsToSnapshot: true,
    deletionProtection: r.deletionProtection,
    skipFinalSnapshot: !r.deletionProtection,
    // Deterministic and unique per project/stack/component; a second delete of a re-created
    // instance needs the earlier snapshot renamed or removed first.
    finalSnapshotIdentifier: r.deletionProtection ? physicalName([pulumi.getProject(), pulumi.getStack(), name, "final"], 255) : undefined,
    performanceInsightsEnabled: performanceInsights,
    performanceInsightsKmsKeyId: performanceInsights ? kmsKeyId : undefined,
    performanceInsightsRetentionPeriod: performanceInsights ? 7 : undefined,
    iamDatabaseAuthenticationEnabled: true,
    autoMinorVersionUpgrade: true,
    // Changing engineVersion is the way to ask for a major upgrade (in place, new parameter group).
    allowMajorVersionUpgrade: true,
    enabledCloudwatchLogsExports: [...EXPORTED_LOGS],
    tags,
  }, { parent, protect: r.protect, dependsOn: logGroups });

  const outputs = databaseOutputs({ host: instance.address, port: instance.port, resolved: r, password, sslMode: "require" });
  return { outputs, native: { instance, subnetGroup, parameterGroup, securityGroup, ingressRules, ...(kmsKey ? { kmsKey } : {}), password, logGroups } };
}
