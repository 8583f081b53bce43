import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import { gcpCustomerKey, gcpLabels, requirePlacement } from "@mlops/core";
import { MAINTENANCE_DAY } from "../defaults";
import type { ResolvedCacheArgs } from "../defaults";
import type { CacheOutputs } from "../types";

/** The GCP resources behind a Cache: the escape hatch. */
export interface GcpCacheNative {
  instance: gcp.redis.Instance;
  /** The Cloud KMS key created when `kmsKeyId` is unset. */
  key?: gcp.kms.CryptoKey;
  /** The Memorystore service agent's encrypter/decrypter grant on the created key. */
  keyAccess?: gcp.kms.CryptoKeyIAMMember;
  /** PEM certificates of the server CA: TLS clients (SERVER_AUTHENTICATION) must trust them. */
  serverCaCerts: pulumi.Output<string[]>;
}

const GCP_DAYS: Readonly<Record<string, string>> = {
  sun: "SUNDAY", mon: "MONDAY", tue: "TUESDAY", wed: "WEDNESDAY", thu: "THURSDAY", fri: "FRIDAY", sat: "SATURDAY",
};

/** The Memorystore service agent, which needs the key for CMEK. */
export function redisServiceAgent(projectNumber: string): string {
  return `serviceAccount:service-${projectNumber}@cloud-redis.iam.gserviceaccount.com`;
}

/** Memorystore for Redis: private service access, AUTH, TLS, CMEK, RDB snapshots outside dev. */
export function build(parent: pulumi.Resource, name: string, r: ResolvedCacheArgs): { outputs: CacheOutputs; native: GcpCacheNative } {
  const placement = requirePlacement(parent, r.placement, "gcp");
  let key: gcp.kms.CryptoKey | undefined;
  let keyAccess: gcp.kms.CryptoKeyIAMMember | undefined;
  if (r.kmsKeyId === undefined) {
    key = gcpCustomerKey(`${name}-key`, { project: placement.project, location: placement.region, tags: r.tags }, { parent, protect: r.protect });
    const project = gcp.organizations.getProjectOutput({ projectId: placement.project }, { parent });
    keyAccess = new gcp.kms.CryptoKeyIAMMember(
      `${name}-key-redis-agent`,
      { cryptoKeyId: key.id, role: "roles/cloudkms.cryptoKeyEncrypterDecrypter", member: project.number.apply(redisServiceAgent) },
      { parent },
    );
  }
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
      customerManagedKey: key ? key.id : r.kmsKeyId,
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
    { parent, protect: r.protect, dependsOn: [...(placement.dependsOn ?? []), ...(keyAccess ? [keyAccess] : [])] },
  );
  const auth = pulumi.secret(instance.authString);
  return {
    outputs: {
      host: instance.host,
      port: instance.port,
      tls: pulumi.output(true),
      authToken: auth,
      connectionUrl: pulumi.secret(pulumi.interpolate`rediss://:${auth}@${instance.host}:${instance.port}`),
    },
    native: {
      instance,
      ...(key ? { key } : {}),
      ...(keyAccess ? { keyAccess } : {}),
      serverCaCerts: instance.serverCaCerts.apply((certs) => (certs ?? []).map((c) => c.cert)),
    },
  };
}
