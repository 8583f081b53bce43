import type * as pulumi from "@pulumi/pulumi";
import type { Built } from "@mlops/core";
import type { ResolvedTenancyArgs } from "../defaults";
import type { TenancyOutputs } from "../types";
import { buildInCluster, type InClusterTenancyNative } from "../in-cluster";
import { allowInClusterDataServices } from "../network-policies";

export type KubernetesTenancyNative = InClusterTenancyNative;

/** kubernetes (Kind, any existing cluster): the in-cluster part; data clients reach the data namespace. */
export function build(parent: pulumi.ComponentResource, name: string, r: ResolvedTenancyArgs): Built<TenancyOutputs, KubernetesTenancyNative> {
  return buildInCluster(parent, name, r, (dataNamespace) => ({ "allow-data-services": allowInClusterDataServices(dataNamespace) }));
}
