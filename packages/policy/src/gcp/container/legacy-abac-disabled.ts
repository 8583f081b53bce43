import type * as gcp from "@pulumi/gcp";
import { validateTypeToken } from "../../lib/type-token";
import { type ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";

/** GKE clusters authorize with RBAC and IAM only: legacy ABAC stays off (its default). */
export const gcpContainerLegacyAbacDisabled = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-container-legacy-abac-disabled",
    description:
      "GKE clusters must not enable legacy ABAC (enableLegacyAbac true): it grants service accounts, nodes and controllers " +
      "static permissions beyond RBAC and IAM, which the platform's RBAC rules cannot take back.",
    validateResource: validateTypeToken<gcp.container.ClusterArgs>("gcp:container/cluster:Cluster", (cluster, _args, report) => {
      if (cluster.enableLegacyAbac === true) report("enableLegacyAbac is true: the ABAC authorizer grants permissions beyond RBAC.");
    }),
  },
  { vendor: "gcp", services: ["container"], topics: ["access"], frameworks: ["cis"], severity: "high" },
);
