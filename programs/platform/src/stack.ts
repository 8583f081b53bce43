import * as pulumi from "@pulumi/pulumi";
import { standardTags, type StackConfig } from "@mlops/core";
import { ObjectStore } from "@mlops/storage";
import { Database } from "@mlops/database";
import { Cache } from "@mlops/cache";
import { createProviders } from "./providers";
import type { Foundation, FoundationBuilder } from "./foundation/types";
import type { StackSecrets } from "./config";

/** The base layer for the stack's cloud, loaded lazily so a stack pulls in one cloud SDK only. */
function foundationFor(config: StackConfig): FoundationBuilder {
  switch (config.cloud) {
    case "aws":
      return (require("./foundation/aws") as typeof import("./foundation/aws")).awsFoundation;
    case "gcp":
      return (require("./foundation/gcp") as typeof import("./foundation/gcp")).gcpFoundation;
    case "local":
      return (require("./foundation/kubernetes") as typeof import("./foundation/kubernetes")).kubernetesFoundation;
  }
}

/**
 * Wires the platform for one stack: providers, the base layer, then the components the config
 * enables. Returns the stack outputs; credentials only ever as secrets.
 */
export function wireStack(config: StackConfig, _secrets: StackSecrets): Record<string, pulumi.Input<unknown>> {
  const tags = standardTags({ project: config.project, stack: config.stack, tier: config.tier, costCenter: config.costCenter, extra: config.tags });
  const providers = createProviders(config, tags);
  const foundation: Foundation = foundationFor(config)(config, tags, providers);
  const base = { backend: config.backend, tier: config.tier, tags, placement: foundation.placement, protect: config.protect };
  const opts: pulumi.ComponentResourceOptions = { providers: [providers.primary] };
  const kms = foundation.kmsKeyId ? { kmsKeyId: foundation.kmsKeyId } : {};

  const buckets = Object.fromEntries(
    config.objectStore.buckets.map((bucket) => [
      bucket,
      new ObjectStore(
        bucket,
        {
          ...base,
          ...kms,
          region: config.region,
          ...(config.objectStore.versioning !== undefined ? { versioning: config.objectStore.versioning } : {}),
          ...(config.objectStore.retentionDays !== undefined ? { retentionDays: config.objectStore.retentionDays } : {}),
          ...(config.objectStore.sizeGb !== undefined ? { sizeGb: config.objectStore.sizeGb } : {}),
          lifecycle: {
            ...(config.objectStore.transitionToColdAfterDays !== undefined ? { transitionToColdAfterDays: config.objectStore.transitionToColdAfterDays } : {}),
            ...(config.objectStore.expireNoncurrentAfterDays !== undefined ? { expireNoncurrentAfterDays: config.objectStore.expireNoncurrentAfterDays } : {}),
          },
        },
        opts,
      ),
    ]),
  );

  const outputs: Record<string, pulumi.Input<unknown>> = {
    cloud: config.cloud,
    tier: config.tier,
    region: config.region,
    modules: config.modules,
    ...foundation.outputs,
    buckets: Object.fromEntries(Object.entries(buckets).map(([k, b]) => [k, b.url])),
  };

  if (config.database.enabled) {
    const { enabled: _enabled, ...dbArgs } = config.database;
    const db = new Database("metadata", { ...base, ...kms, ...dbArgs }, opts);
    outputs["databaseHost"] = db.host;
    outputs["databasePort"] = db.port;
    outputs["databaseConnectionString"] = pulumi.secret(db.connectionString);
  }
  if (config.cache.enabled) {
    const { enabled: _enabled, ...cacheArgs } = config.cache;
    const cache = new Cache("online", { ...base, ...kms, ...cacheArgs }, opts);
    outputs["cacheHost"] = cache.host;
    outputs["cachePort"] = cache.port;
    outputs["cacheConnectionUrl"] = pulumi.secret(cache.connectionUrl);
  }
  return outputs;
}
