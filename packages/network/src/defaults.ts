import type * as pulumi from "@pulumi/pulumi";
import type { CompleteNetworkSettings, ResolvedBase } from "@mlops/core";
import type { NetworkWiring } from "./types";

/**
 * The Google APIs every GCP stack of the platform uses: the network (compute, servicenetworking),
 * the cluster (container, iamcredentials for Workload Identity), the data services (sqladmin,
 * redis, storage, cloudkms for their keys), secrets, observability, IAM and the image registry.
 * Module-specific APIs (Pub/Sub, Vertex AI, Cloud Run) come in through the `apis` wiring.
 */
export const GCP_BASE_APIS = [
  "compute.googleapis.com",
  "servicenetworking.googleapis.com",
  "container.googleapis.com",
  "sqladmin.googleapis.com",
  "redis.googleapis.com",
  "cloudkms.googleapis.com",
  "storage.googleapis.com",
  "secretmanager.googleapis.com",
  "monitoring.googleapis.com",
  "logging.googleapis.com",
  "iam.googleapis.com",
  "iamcredentials.googleapis.com",
  "cloudresourcemanager.googleapis.com",
  "artifactregistry.googleapis.com",
] as const;

/** A Google API service name. */
export const GOOGLE_API = /^[a-z][a-z0-9-]*\.googleapis\.com$/;

/** Every arg resolved: what the backends build from. */
export interface ResolvedNetworkArgs extends ResolvedBase, CompleteNetworkSettings {
  region: string;
  /** Set on gcp (checked by the wiring validation). */
  project?: pulumi.Input<string>;
  /** gcp: the APIs to enable, base set first, without duplicates. */
  apis: string[];
}

/** The completed settings plus the wiring. Pure. */
export function resolveNetwork(settings: CompleteNetworkSettings, base: ResolvedBase, wiring: NetworkWiring): ResolvedNetworkArgs {
  return {
    ...base,
    ...settings,
    region: wiring.region,
    ...(wiring.project !== undefined ? { project: wiring.project } : {}),
    apis: base.backend === "gcp" ? [...new Set([...GCP_BASE_APIS, ...(wiring.apis ?? [])])] : [],
  };
}
