import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import { gcpKeyFor, gcpLabels, requirePlacement, type GcpCreatedKey } from "@mlops/core";
import { MAINTENANCE_DAY } from "../defaults";
import type { ResolvedCacheArgs } from "../defaults";
import type { CacheOutputs } from "../types";

/** The GCP resources behind a Cache: the escape hatch. */
export interface GcpCacheNative {
  instance: gcp.redis.Instance;
  /**
   * Set when `kmsKeyId` was not given: the key, the Memorystore service agent (`redis`, created
   * through ServiceIdentity) and its encrypter/decrypter grant, which the instance waits for.
   */
  cmek?: GcpCreatedKey;
  /** PEM certificates of the server CA: TLS clients (SERVER_AUTHENTICATION) must trust them. */
  serverCaCerts: pulumi.Output<string[]>;
}

const GCP_DAYS: Readonly<Record<string, string>> = {
  sun: "SUNDAY", mon: "MONDAY", tue: "TUESDAY", wed: "WEDNESDAY", thu: "THURSDAY", fri: "FRIDAY", sat: "SATURDAY",
};

/**
 * The Memorystore service agent, which must hold the key before an instance can use it: created
 * (ServiceIdentity) rather than assumed, since a project that never used Memorystore has none yet.
 */
export const REDIS_SERVICE_AGENT = { short: "redis", service: "redis.googleapis.com" } as const;

/** The server CA certificates as one PEM bundle, what a client's `ssl_ca_certs` takes. */
export function caBundle(certs: readonly { cert?: string }[] | undefined): string {
  return (certs ?? []).map((c) => c.cert ?? "").filter((c) => c.length > 0).join("\n");
}

/**
 * Memorystore for Redis: private service access, AUTH, TLS with server authentication (the
 * server CA is the `caCertificate` output), CMEK, RDB snapshots outside dev, weekly maintenance
 * three hours after the backup hour.
 */
export function build(parent: pulumi.Resource, name: string, r: ResolvedCacheArgs): { outputs: CacheOutputs; native: GcpCacheNative } {
  const placement = requirePlacement(parent, r.placement, "gcp");
  const key = gcpKeyFor(parent, name, { given: r.kmsKeyId, project: placement.project, location: placement.region, tags: r.tags, protect: r.protect, agents: [REDIS_SERVICE_AGENT] });
  const ha = r.replicas > 0;
  const readReplicas = r.replicas >= 2;
  const instance = new gcp.redis.Instance(
    `${name}-redis`,
    {
      project: placement.project,
      region: placement.region,
      displayName: `Redis ${name} (${r.tier})`,
      tier: ha ? "STANDARD_HA" : "BASIC",
      memorySizeGb: r.memorySizeGb,
      redisVersion: r.engineNative,
      ...(ha
        ? { replicaCount: readReplicas ? r.replicas : 1, readReplicasMode: readReplicas ? "READ_REPLICAS_ENABLED" : "READ_REPLICAS_DISABLED" }
        : {}),
      authorizedNetwork: placement.networkId,
      connectMode: "PRIVATE_SERVICE_ACCESS",
      transitEncryptionMode: "SERVER_AUTHENTICATION",
      authEnabled: true,
      customerManagedKey: key.keyId,
      persistenceConfig:
        r.gcpSnapshotPeriod === "DISABLED"
          ? { persistenceMode: "DISABLED" }
          : { persistenceMode: "RDB", rdbSnapshotPeriod: r.gcpSnapshotPeriod },
      maintenancePolicy: {
        weeklyMaintenanceWindows: [
          { day: GCP_DAYS[MAINTENANCE_DAY] ?? "SUNDAY", startTime: { hours: r.maintenanceHourUtc, minutes: 0, seconds: 0, nanos: 0 } },
        ],
      },
      deletionProtection: r.protect,
      labels: gcpLabels(r.tags),
    },
    { parent, protect: r.protect, dependsOn: [...(placement.dependsOn ?? []), ...key.dependsOn] },
  );
  const auth = pulumi.secret(instance.authString);
  const serverCaCerts = instance.serverCaCerts.apply((certs) => (certs ?? []).map((c) => c.cert ?? ""));
  return {
    outputs: {
      host: instance.host,
      port: instance.port,
      tls: pulumi.output(true),
      caCertificate: instance.serverCaCerts.apply(caBundle),
      authToken: auth,
      connectionUrl: pulumi.secret(pulumi.interpolate`rediss://:${auth}@${instance.host}:${instance.port}`),
    },
    native: { instance, ...(key.created ? { cmek: key.created } : {}), serverCaCerts },
  };
}
