import type * as pulumi from "@pulumi/pulumi";
import type { CompleteTenancySettings, ResolvedBase } from "@mlops/core";
import type { TenancyWiring } from "./types";

/** Every arg resolved: what the backends build from. */
export interface ResolvedTenancyArgs extends ResolvedBase, CompleteTenancySettings {
  clusterName?: pulumi.Input<string>;
  dataServiceCidrs: pulumi.Input<string>[];
}

/** The completed settings plus the wiring. Pure. */
export function resolveTenancy(settings: CompleteTenancySettings, base: ResolvedBase, wiring: TenancyWiring): ResolvedTenancyArgs {
  return {
    ...base,
    ...settings,
    ...(wiring.clusterName !== undefined ? { clusterName: wiring.clusterName } : {}),
    dataServiceCidrs: wiring.dataServiceCidrs ?? [],
  };
}
