import type * as pulumi from "@pulumi/pulumi";
import { PlatformComponent, TEAM_ROLES, tenancySettings, type ComponentDefinition, type PlatformNamespace, type TeamRole } from "@mlops/core";
import { resolveTenancy, type ResolvedTenancyArgs } from "./defaults";
import type { TenancyArgs, TenancyOutputs, TenancyWiring } from "./types";
import type { AwsTenancyNative } from "./backends/aws";
import type { GcpTenancyNative } from "./backends/gcp";
import type { KubernetesTenancyNative } from "./backends/kubernetes";

/** The native resources of the active backend; only that backend's entry is set. */
export type TenancyNative = { aws?: AwsTenancyNative; gcp?: GcpTenancyNative; kubernetes?: KubernetesTenancyNative };

const IPV4_CIDR = /^(\d{1,3}\.){3}\d{1,3}\/(\d|[12]\d|3[0-2])$/;

/** The Tenancy, declared once: settings, wiring checks, resolution and the implementation table. */
export const TENANCY: ComponentDefinition<typeof tenancySettings.schema, ReturnType<typeof tenancySettings.complete>, TenancyWiring, ResolvedTenancyArgs, TenancyOutputs, TenancyNative> = {
  type: "mlops:tenancy:Tenancy",
  settings: tenancySettings,
  validateWiring(args, fail) {
    if (args.clusterName !== undefined && args.backend !== "aws") fail("clusterName", "<set>", `has no effect on ${args.backend} (EKS access entries exist on aws only); remove it`);
    const cidrs = args.dataServiceCidrs ?? [];
    if (args.dataServiceCidrs !== undefined && args.backend === "kubernetes") {
      fail("dataServiceCidrs", args.dataServiceCidrs, "has no effect on kubernetes (clients reach the data namespace); remove it");
    }
    // Outputs (the Network's VPC CIDR) are the Network's own, validated there.
    for (const cidr of cidrs.filter((v): v is string => typeof v === "string")) {
      if (!IPV4_CIDR.test(cidr) || cidr.endsWith("/0")) fail("dataServiceCidrs", cidr, "list private IPv4 CIDR blocks of the data services (e.g. the VPC CIDR), never 0.0.0.0/0");
    }
    const arns = args.backend === "aws" && ((args as TenancyArgs).teams ?? []).some((t) => TEAM_ROLES.some((role) => (t.awsRoleArns?.[role] ?? []).length > 0));
    if (arns && args.clusterName === undefined) fail("clusterName", undefined, "is required on aws when a team sets awsRoleArns (the EKS cluster of the access entries)");
  },
  resolve: resolveTenancy,
  engine: () => "namespaces",
  implementations: {
    aws: { namespaces: () => require("./backends/aws") as typeof import("./backends/aws") },
    gcp: { namespaces: () => require("./backends/gcp") as typeof import("./backends/gcp") },
    kubernetes: { namespaces: () => require("./backends/kubernetes") as typeof import("./backends/kubernetes") },
  },
};

/**
 * The platform's namespaces (data, ml, serving, monitoring) and one per team, on any cluster:
 * Pod Security labels, default-deny NetworkPolicies with explicit allows (DNS, metrics scrape,
 * data clients), team ResourceQuotas and LimitRanges, and the RBAC of seed 003 bound to the
 * configured groups (plus EKS access entries on aws). Every in-cluster object goes through the
 * component's Kubernetes provider (pass the Cluster's in `providers`).
 */
export class Tenancy extends PlatformComponent<TenancyOutputs, TenancyNative> implements TenancyOutputs {
  declare public readonly namespaces: Readonly<Record<PlatformNamespace, pulumi.Output<string>>>;
  declare public readonly teamNamespaces: Readonly<Record<string, pulumi.Output<string>>>;
  declare public readonly clientNamespaces: readonly pulumi.Output<string>[];
  declare public readonly roles: Readonly<Record<string, Readonly<Record<TeamRole, pulumi.Output<string>>>>>;

  constructor(name: string, args: TenancyArgs, opts?: pulumi.ComponentResourceOptions) {
    super(TENANCY, name, args, opts);
  }
}
