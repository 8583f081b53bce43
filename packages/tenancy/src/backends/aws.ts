import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { createHash } from "node:crypto";
import { TEAM_ROLES, type Built } from "@mlops/core";
import type { ResolvedTenancyArgs } from "../defaults";
import type { TenancyOutputs } from "../types";
import { buildInCluster, type InClusterTenancyNative } from "../in-cluster";
import { allowCloudApis, allowManagedDataServices } from "../network-policies";

export interface AwsTenancyNative extends InClusterTenancyNative {
  /** One EKS access entry per IAM role ARN, mapping it to the Kubernetes groups of its team roles. */
  accessEntries: readonly aws.eks.AccessEntry[];
}

/** Every listed IAM role ARN with the groups it maps to (an ARN listed for several roles or teams gets all their groups). */
export function accessEntryGroups(r: Pick<ResolvedTenancyArgs, "teams">): Map<string, string[]> {
  const byArn = new Map<string, Set<string>>();
  for (const team of r.teams) {
    for (const role of TEAM_ROLES) {
      for (const arn of team.awsRoleArns[role]) {
        const groups = byArn.get(arn) ?? new Set<string>();
        for (const g of team.groups[role]) groups.add(g);
        byArn.set(arn, groups);
      }
    }
  }
  return new Map([...byArn].map(([arn, groups]) => [arn, [...groups].sort()]));
}

/** `arn:aws:iam::123456789012:role/team/ml-engineers` → `ml-engineers-<8 hex of the ARN>`: stable, unique per ARN. */
export function accessEntrySuffix(arn: string): string {
  const roleName = arn.slice(arn.lastIndexOf("/") + 1).toLowerCase().replace(/[^a-z0-9-]/g, "-");
  return `${roleName}-${createHash("sha256").update(arn).digest("hex").slice(0, 8)}`;
}

/**
 * aws (EKS): the in-cluster part; data clients reach RDS and ElastiCache in the VPC and AWS APIs
 * over HTTPS; IAM roles map to the team groups through EKS access entries (the cluster's
 * authentication mode must include `API`).
 */
export function build(parent: pulumi.ComponentResource, name: string, r: ResolvedTenancyArgs): Built<TenancyOutputs, AwsTenancyNative> {
  const inCluster = buildInCluster(parent, name, r, () => ({
    ...(r.dataServiceCidrs.length > 0 ? { "allow-data-services": allowManagedDataServices(r.dataServiceCidrs) } : {}),
    "allow-cloud-apis": allowCloudApis(false),
  }));
  const accessEntries = [...accessEntryGroups(r)].map(([arn, groups]) =>
    new aws.eks.AccessEntry(
      `${name}-access-${accessEntrySuffix(arn)}`,
      { clusterName: r.clusterName as pulumi.Input<string>, principalArn: arn, type: "STANDARD", kubernetesGroups: groups, tags: { ...r.tags } },
      { parent },
    ),
  );
  return { outputs: inCluster.outputs, native: { ...inCluster.native, accessEntries } };
}
