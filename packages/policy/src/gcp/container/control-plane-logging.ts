import type * as gcp from "@pulumi/gcp";
import { validateTypeToken } from "../../lib/type-token";
import { type ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";

/** The GKE logging components every cluster enables. */
export const REQUIRED_GKE_LOG_COMPONENTS: readonly string[] = ["SYSTEM_COMPONENTS", "APISERVER"];

/** What GKE logs when `loggingConfig` is unset. */
export const GKE_DEFAULT_LOG_COMPONENTS: readonly string[] = ["SYSTEM_COMPONENTS", "WORKLOADS"];

/**
 * GKE sends system and API server logs to Cloud Logging: `loggingService` is not "none" and
 * `loggingConfig.enableComponents` includes SYSTEM_COMPONENTS and APISERVER. An unset
 * `loggingConfig` fails: GKE then collects SYSTEM_COMPONENTS and WORKLOADS only, the API
 * server's logs are opt-in. (GKE's Admin Activity audit logs are always on and need no setting.)
 */
export const gcpContainerControlPlaneLogging = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-container-control-plane-logging",
    description:
      'GKE clusters must log to Cloud Logging (loggingService not "none") with loggingConfig.enableComponents including ' +
      "SYSTEM_COMPONENTS and APISERVER (API server logs are off by default): they are the record of what happened on the " +
      "control plane and the nodes, for incident response.",
    validateResource: validateTypeToken<gcp.container.ClusterArgs>("gcp:container/cluster:Cluster", (cluster, _args, report) => {
      if (cluster.loggingService === "none") report('loggingService is "none": the cluster sends no logs to Cloud Logging.');
      const config = cluster.loggingConfig;
      const enabled: unknown[] = config === undefined ? [...GKE_DEFAULT_LOG_COMPONENTS] : [...(config.enableComponents ?? [])];
      const missing = REQUIRED_GKE_LOG_COMPONENTS.filter((c) => !enabled.includes(c));
      if (missing.length === 0) return;
      report(
        config === undefined
          ? `loggingConfig is not set (GKE then logs ${GKE_DEFAULT_LOG_COMPONENTS.join(" and ")} only): enableComponents must include ${missing.join(", ")}.`
          : `loggingConfig.enableComponents does not include ${missing.join(", ")}.`,
      );
    }),
  },
  { vendor: "gcp", services: ["container"], topics: ["logging"], frameworks: ["cis"], severity: "medium" },
);
