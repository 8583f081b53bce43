import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import type * as random from "@pulumi/random";
import { awsCustomerKey, physicalName, requirePlacement } from "@mlops/core";
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
}

/** Performance Insights is not offered on the smallest burstable classes. */
export function supportsPerformanceInsights(instanceClass: string): boolean {
  return !/^db\.t[234]g?\.(micro|small)$/.test(instanceClass);
}

/** `HH:00-HH:30`-style windows: backups at the tier's hour, maintenance on Sunday two hours later. */
export function awsWindows(hour: number): { backupWindow: string; maintenanceWindow: string } {
  const hh = (h: number) => String(h % 24).padStart(2, "0");
  return { backupWindow: `${hh(hour)}:00-${hh(hour + 1)}:00`, maintenanceWindow: `sun:${hh(hour + 2)}:00-sun:${hh(hour + 3)}:00` };
}

/** `kmsKeyId` when given, else a new rotated customer key, protected like the database. */
function storageKey(parent: pulumi.Resource, name: string, r: ResolvedDatabaseArgs): { kmsKey?: aws.kms.Key; kmsKeyId: pulumi.Output<string> } {
  if (r.kmsKeyId !== undefined) return { kmsKeyId: pulumi.output(r.kmsKeyId) };
  const description = `Storage encryption of the ${name} PostgreSQL database`;
  const kmsKey = awsCustomerKey(`${name}-key`, { description, tags: r.tags }, { parent, protect: r.protect });
  return { kmsKey, kmsKeyId: kmsKey.arn };
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
  const { kmsKey, kmsKeyId } = storageKey(parent, name, r);

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
    engine: "postgres",
    engineVersion: r.engineVersion,
    instanceClass: r.instanceClass,
    dbName: r.databaseName,
    username: r.username,
    password: password.result,
    port: POSTGRES_PORT,
    allocatedStorage: r.sizeGb,
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
    enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
    tags,
  }, { parent, protect: r.protect });

  const outputs = databaseOutputs({ host: instance.address, port: instance.port, resolved: r, password, sslMode: "require" });
  return { outputs, native: { instance, subnetGroup, parameterGroup, securityGroup, ingressRules, kmsKey, password } };
}
