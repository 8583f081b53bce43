import type * as pulumi from "@pulumi/pulumi";
import type { ComponentArgs, PlatformNamespace, TeamRole, tenancySettingsSchema } from "@mlops/core";

/** What the Tenancy takes besides its settings: the stack's wiring. */
export interface TenancyWiring {
  /**
   * aws: the EKS cluster the access entries belong to; required when a team sets `awsRoleArns`.
   * gcp, kubernetes: no effect (rejected when set).
   */
  clusterName?: pulumi.Input<string>;
  /**
   * aws/gcp: private CIDR blocks of the managed data services (the VPC CIDR on aws, the private
   * services range on gcp) that client namespaces may reach on 5432 and 6379. Default: none.
   * kubernetes: no effect (rejected when set): clients reach the data namespace instead.
   */
  dataServiceCidrs?: pulumi.Input<string>[];
}

/**
 * Inputs of the `Tenancy` component: the shared args, the settings (`tenancySettingsSchema` in
 * @mlops/core: `namespacePrefix`, `podSecurity`, `teams`) and the wiring. One shape for every backend.
 */
export type TenancyArgs = ComponentArgs<typeof tenancySettingsSchema, TenancyWiring>;

/** What every backend returns: namespace names by purpose and by team, and the team Roles. */
export interface TenancyOutputs {
  /** The platform namespaces by purpose: `{ data: "mlops-data", ml, serving, monitoring }`. */
  namespaces: Readonly<Record<PlatformNamespace, pulumi.Output<string>>>;
  /** Each team's namespace: `{ "data-science": "mlops-data-science" }`. */
  teamNamespaces: Readonly<Record<string, pulumi.Output<string>>>;
  /** The namespaces whose pods use the data services: ml, serving and every team's (pass to `clientNamespaces`). */
  clientNamespaces: readonly pulumi.Output<string>[];
  /** Each team's Role names by role: `{ "data-science": { ml_engineer: "mlops-ml-engineer", ... } }`. */
  roles: Readonly<Record<string, Readonly<Record<TeamRole, pulumi.Output<string>>>>>;
}
