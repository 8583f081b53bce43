import type * as pulumi from "@pulumi/pulumi";
import type { Built } from "@mlops/core";
import type { ResolvedTenancyArgs } from "../defaults";
import type { TenancyOutputs } from "../types";
import { buildInCluster, type InClusterTenancyNative } from "../in-cluster";
import { allowCloudApis, allowManagedDataServices } from "../network-policies";

export type GcpTenancyNative = InClusterTenancyNative;

/**
 * gcp (GKE): the in-cluster part; data clients reach Cloud SQL and Memorystore in the private
 * services range, Google APIs over HTTPS and the GKE metadata server. Google groups are the RBAC
 * subjects directly (the cluster needs Google Groups for RBAC: `authenticatorGroupsConfig`).
 */
export function build(parent: pulumi.ComponentResource, name: string, r: ResolvedTenancyArgs): Built<TenancyOutputs, GcpTenancyNative> {
  return buildInCluster(parent, name, r, () => ({
    ...(r.dataServiceCidrs.length > 0 ? { "allow-data-services": allowManagedDataServices(r.dataServiceCidrs) } : {}),
    "allow-cloud-apis": allowCloudApis(true),
  }));
}
