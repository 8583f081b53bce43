import type * as pulumi from "@pulumi/pulumi";
import type { CompleteObjectStoreSettings, ResolvedBase } from "@mlops/core";
import type { ObjectStoreWiring } from "./types";

/** Incomplete multipart uploads are aborted after this many days on every backend that can. */
export const ABORT_MULTIPART_AFTER_DAYS = 7;

/**
 * Days an object spends in the first cold class (S3 STANDARD_IA, GCS NEARLINE) before the second
 * (S3 GLACIER_IR, GCS COLDLINE): 90 days, the colder classes' minimum storage duration. S3 needs
 * at least 30 between the two transitions.
 */
export const COLDER_CLASS_AFTER_COLD_DAYS = 90;

/** Every arg resolved: what the backends build from. */
export interface ResolvedObjectStoreArgs extends ResolvedBase, CompleteObjectStoreSettings {
  /** Day of the second transition (GLACIER_IR / COLDLINE); undefined when current objects expire before it. */
  transitionToColderAfterDays: number | undefined;
  /** Unset: the aws and gcp backends create a customer-managed key. */
  kmsKeyId?: pulumi.Input<string>;
  /** Unset: the endpoint takes the bucket's own region. */
  region?: string;
  clientNamespaces: pulumi.Input<string>[];
}

/** The completed (and checked) settings plus the wiring. Pure. */
export function resolveObjectStore(settings: CompleteObjectStoreSettings, base: ResolvedBase, wiring: ObjectStoreWiring): ResolvedObjectStoreArgs {
  const colder = settings.transitionToColdAfterDays + COLDER_CLASS_AFTER_COLD_DAYS;
  const expire = settings.expireAfterDays;
  return {
    ...base,
    ...settings,
    transitionToColderAfterDays: expire === undefined || expire > colder ? colder : undefined,
    ...(wiring.kmsKeyId !== undefined ? { kmsKeyId: wiring.kmsKeyId } : {}),
    ...(wiring.region !== undefined ? { region: wiring.region } : {}),
    clientNamespaces: wiring.clientNamespaces ?? [],
  };
}
