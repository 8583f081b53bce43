import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as random from "@pulumi/random";
import { awsKeyFor, dailyWindow, requirePlacement, weeklyWindow } from "@mlops/core";
import { MAINTENANCE_DAY, REDIS_PORT } from "../defaults";
import { supportsTransitEncryptionMode } from "./aws-tls";
import type { ResolvedCacheArgs } from "../defaults";
import type { CacheOutputs } from "../types";

/** The AWS resources behind a Cache: the escape hatch. */
export interface AwsCacheNative {
  replicationGroup: aws.elasticache.ReplicationGroup;
  subnetGroup: aws.elasticache.SubnetGroup;
  securityGroup: aws.ec2.SecurityGroup;
  /** One ingress rule on 6379 per allowed CIDR block. */
  ingressRules: aws.vpc.SecurityGroupIngressRule[];
  /** The AUTH token (alphanumeric, ElastiCache forbids `@`, `"` and `/`). */
  authToken: random.RandomPassword;
  /** The KMS key created when `kmsKeyId` is unset. */
  key?: aws.kms.Key;
}

/**
 * ElastiCache Redis (cluster mode off): encrypted at rest with a customer key and in transit
 * (TLS required), AUTH on, private subnets and a security group open on 6379 to the allowed CIDR
 * blocks only, daily snapshots in the backup window, weekly maintenance three hours later.
 */
export function build(parent: pulumi.Resource, name: string, r: ResolvedCacheArgs): { outputs: CacheOutputs; native: AwsCacheNative } {
  const placement = requirePlacement(parent, r.placement, "aws");
  const tags = { ...r.tags };
  const { key, keyArn } = awsKeyFor(parent, name, { given: r.kmsKeyId, description: `Redis ${name} at-rest encryption`, tags, protect: r.protect });
  const authToken = new random.RandomPassword(`${name}-auth-token`, { length: 64, special: false }, { parent });
  const subnetGroup = new aws.elasticache.SubnetGroup(
    `${name}-subnets`,
    { description: `Private subnets of Redis ${name}`, subnetIds: placement.subnetIds, tags },
    { parent },
  );
  const securityGroup = new aws.ec2.SecurityGroup(
    `${name}-sg`,
    { vpcId: placement.vpcId, description: `Redis ${name}: ${REDIS_PORT}/tcp from the allowed CIDR blocks only`, tags },
    { parent },
  );
  const ingressRules = placement.allowedCidrBlocks.map(
    (cidr, i) =>
      new aws.vpc.SecurityGroupIngressRule(
        `${name}-redis-in-${i}`,
        {
          securityGroupId: securityGroup.id,
          ipProtocol: "tcp",
          fromPort: REDIS_PORT,
          toPort: REDIS_PORT,
          ...(typeof cidr === "string" && cidr.includes(":") ? { cidrIpv6: cidr } : { cidrIpv4: cidr }),
          description: `Redis from ${typeof cidr === "string" ? cidr : "an allowed CIDR block"}`,
          tags,
        },
        { parent },
      ),
  );
  const ha = r.replicas > 0;
  const replicationGroup = new aws.elasticache.ReplicationGroup(
    `${name}-redis`,
    {
      description: `Redis ${name} (${r.tier})`,
      engine: "redis",
      engineVersion: r.engineNative,
      nodeType: r.nodeType,
      port: REDIS_PORT,
      numCacheClusters: 1 + r.replicas,
      automaticFailoverEnabled: ha,
      multiAzEnabled: ha,
      atRestEncryptionEnabled: true,
      kmsKeyId: keyArn,
      transitEncryptionEnabled: true,
      // TLS only; the mode exists from Redis OSS 7.0.5 (6.2 is TLS-only from creation anyway).
      ...(supportsTransitEncryptionMode(r.engineNative) ? { transitEncryptionMode: "required" } : {}),
      authToken: authToken.result,
      subnetGroupName: subnetGroup.name,
      securityGroupIds: [securityGroup.id],
      snapshotRetentionLimit: r.snapshotRetentionDays,
      snapshotWindow: dailyWindow(r.backupHourUtc),
      maintenanceWindow: weeklyWindow(MAINTENANCE_DAY, r.maintenanceHourUtc),
      autoMinorVersionUpgrade: true,
      tags,
    },
    { parent, protect: r.protect, dependsOn: ingressRules },
  );
  const token = pulumi.secret(authToken.result);
  const host = replicationGroup.primaryEndpointAddress;
  return {
    outputs: {
      host,
      port: pulumi.output(REDIS_PORT),
      tls: pulumi.output(true),
      // ElastiCache's server certificates chain to Amazon's public roots: the system store suffices.
      caCertificate: pulumi.output(""),
      authToken: token,
      connectionUrl: pulumi.secret(pulumi.interpolate`rediss://:${token}@${host}:${REDIS_PORT}`),
    },
    native: { replicationGroup, subnetGroup, securityGroup, ingressRules, authToken, ...(key ? { key } : {}) },
  };
}
