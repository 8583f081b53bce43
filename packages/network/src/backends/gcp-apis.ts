import type * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";

/** `compute.googleapis.com` → `compute`: the suffix of the API's logical name. */
export const apiShortName = (service: string): string => service.replace(/\.googleapis\.com$/, "");

/**
 * Enables each Google API on the project, one `gcp.projects.Service` per API, keyed by service
 * name. Destroying the stack leaves them enabled: disabling an API another workload of the
 * project uses would break it, and re-enabling is free.
 */
export function enableApis(parent: pulumi.Resource, name: string, project: pulumi.Input<string>, services: readonly string[]): Record<string, gcp.projects.Service> {
  return Object.fromEntries(
    services.map((service) => [service, new gcp.projects.Service(`${name}-api-${apiShortName(service)}`, { project, service, disableOnDestroy: false }, { parent })]),
  );
}
