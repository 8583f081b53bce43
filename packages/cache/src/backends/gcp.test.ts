import { describe, expect, it } from "@jest/globals";
import { byType, childrenOf, one, runWithMocks } from "@mlops/testing";
import { Cache } from "../cache";
import { caBundle } from "./gcp";
import type { CacheArgs } from "../types";

const tags = { project: "mlops", stack: "gcp", tier: "prod", "managed-by": "pulumi", "cost-center": "ML Team" };
const placement = { gcp: { project: "mlops-prj", region: "europe-west1", networkId: "projects/mlops-prj/global/networks/vpc" } };
const args = (extra: Partial<CacheArgs> = {}): CacheArgs => ({ backend: "gcp", tier: "dev", tags, placement, ...extra });

function plan(extra: Partial<CacheArgs> = {}, preview = false) {
  return runWithMocks(
    () => {
      const c = new Cache("online", args(extra));
      return { host: c.host, port: c.port, tls: c.tls, caCertificate: c.caCertificate, authToken: c.authToken, connectionUrl: c.connectionUrl };
    },
    { project: "mlops-platform", stack: "gcp", preview },
  );
}

const INSTANCE = "gcp:redis/instance:Instance";
const KEY = "gcp:kms/cryptoKey:CryptoKey";
const GRANT = "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember";
const IDENTITY = "gcp:projects/serviceIdentity:ServiceIdentity";

describe("Cache on gcp", () => {
  it("builds a private Memorystore instance with AUTH and TLS on the stack's network", async () => {
    const { resources } = await plan();
    expect(one(resources, INSTANCE).inputs).toMatchObject({
      project: "mlops-prj",
      region: "europe-west1",
      authorizedNetwork: "projects/mlops-prj/global/networks/vpc",
      connectMode: "PRIVATE_SERVICE_ACCESS",
      transitEncryptionMode: "SERVER_AUTHENTICATION",
      authEnabled: true,
      redisVersion: "REDIS_7_2",
    });
  });

  it("creates the Memorystore service agent, grants it the key, and only then creates the instance", async () => {
    const { resources, invokes: calls } = await plan();
    const instance = one(resources, INSTANCE);
    const key = one(resources, KEY);
    const grant = one(resources, GRANT);
    const identity = one(resources, IDENTITY);
    expect(key.inputs.rotationPeriod).toBe("7776000s");
    expect(instance.inputs.customerManagedKey).toBeDefined();
    expect(instance.inputs.customerManagedKey).toBe(key.id ?? key.outputs.id);
    expect(identity.name).toBe("online-redis-agent");
    expect(identity.inputs).toEqual({ project: "mlops-prj", service: "redis.googleapis.com" });
    expect(grant.name).toBe("online-key-redis-agent");
    expect(grant.inputs).toMatchObject({ role: "roles/cloudkms.cryptoKeyEncrypterDecrypter", member: `serviceAccount:${String(identity.outputs.email)}` });
    // The agent exists before its grant, the grant before the instance that uses the key.
    expect(grant.dependencies).toContain(identity.urn);
    expect(instance.dependencies).toContain(grant.urn);
    // No project lookup: the agent is created, not derived from a project number.
    expect(calls).toEqual([]);
    expect(one(resources, "gcp:kms/keyRing:KeyRing").inputs).toMatchObject({ project: "mlops-prj", location: "europe-west1" });
  });

  it("uses a caller's key without creating a key or a grant", async () => {
    const keyId = "projects/mlops-prj/locations/europe-west1/keyRings/r/cryptoKeys/k";
    const { resources, invokes: calls } = await plan({ kmsKeyId: keyId });
    expect(one(resources, INSTANCE).inputs.customerManagedKey).toBe(keyId);
    expect(byType(resources, KEY)).toHaveLength(0);
    expect(byType(resources, GRANT)).toHaveLength(0);
    expect(byType(resources, IDENTITY)).toHaveLength(0);
    expect(calls).toHaveLength(0);
  });

  it("bundles the server CA certificates into one PEM", () => {
    expect(caBundle([{ cert: "A" }, { cert: "" }, {}, { cert: "B" }])).toBe("A\nB");
    expect(caBundle(undefined)).toBe("");
  });

  it("runs a BASIC unprotected instance without persistence in dev", async () => {
    const { resources } = await plan();
    const instance = one(resources, INSTANCE);
    expect(instance.inputs).toMatchObject({ tier: "BASIC", memorySizeGb: 1, deletionProtection: false, persistenceConfig: { persistenceMode: "DISABLED" } });
    expect(instance.inputs.replicaCount).toBeUndefined();
    expect(instance.inputs.readReplicasMode).toBeUndefined();
    expect(instance.protect).toBe(false);
  });

  it("runs STANDARD_HA with one failover replica and daily RDB snapshots in staging", async () => {
    const { resources } = await plan({ tier: "staging" });
    expect(one(resources, INSTANCE).inputs).toMatchObject({
      tier: "STANDARD_HA",
      replicaCount: 1,
      readReplicasMode: "READ_REPLICAS_DISABLED",
      persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: "TWENTY_FOUR_HOURS" },
      deletionProtection: true,
    });
  });

  it("moves the maintenance window with the stack's backup schedule", async () => {
    const { resources } = await plan({ backup: { schedule: "0 22 * * *", retentionDays: 7 } });
    expect(one(resources, INSTANCE).inputs).toMatchObject({ maintenancePolicy: { weeklyMaintenanceWindows: [{ day: "SUNDAY", startTime: { hours: 1 } }] } });
  });

  it("runs protected STANDARD_HA with read replicas, hourly snapshots and a Sunday maintenance window in prod", async () => {
    const { resources } = await plan({ tier: "prod" });
    const instance = one(resources, INSTANCE);
    expect(instance.inputs).toMatchObject({
      tier: "STANDARD_HA",
      memorySizeGb: 5,
      replicaCount: 2,
      readReplicasMode: "READ_REPLICAS_ENABLED",
      persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: "ONE_HOUR" },
      maintenancePolicy: { weeklyMaintenanceWindows: [{ day: "SUNDAY", startTime: { hours: 5, minutes: 0 } }] },
      deletionProtection: true,
    });
    expect(instance.protect).toBe(true);
    expect(one(resources, KEY).protect).toBe(true);
  });

  it("labels the instance and the key, and parents every child to the component", async () => {
    const { resources } = await plan();
    const component = one(resources, "mlops:cache:Cache");
    const labels = { project: "mlops", stack: "gcp", tier: "prod", "managed-by": "pulumi", "cost-center": "ml-team" };
    expect(one(resources, INSTANCE).inputs.labels).toEqual(labels);
    expect(one(resources, KEY).inputs.labels).toEqual(labels);
    expect(childrenOf(resources, component.urn).map((r) => r.type).sort()).toEqual([KEY, GRANT, "gcp:kms/keyRing:KeyRing", IDENTITY, INSTANCE].sort());
    expect(resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:") && r.parent !== component.urn).map((r) => r.urn)).toEqual([]);
  });

  it("waits for the caller's private services connection", async () => {
    const { resources } = await runWithMocks(
      async () => {
        const gcp = await import("@pulumi/gcp");
        const peering = new gcp.servicenetworking.Connection("psa", { network: "vpc", service: "servicenetworking.googleapis.com", reservedPeeringRanges: ["psa-range"] });
        new Cache("online", args({ placement: { gcp: { ...placement.gcp, dependsOn: [peering] } } }));
      },
      { project: "mlops-platform", stack: "gcp" },
    );
    expect(one(resources, INSTANCE).dependencies).toContain(one(resources, "gcp:servicenetworking/connection:Connection").urn);
  });

  it("exposes the instance's TLS endpoint and keeps the AUTH string and the rediss:// URL secret", async () => {
    const { stackOutputs, secretOutputs, resources } = await plan();
    const instance = one(resources, INSTANCE).outputs;
    expect(stackOutputs).toMatchObject({ tls: true, host: instance.host, port: instance.port, authToken: instance.authString });
    // A TLS client verifies Memorystore's certificate against this CA (SERVER_AUTHENTICATION).
    expect(stackOutputs.caCertificate).toBe("-----BEGIN CERTIFICATE-----\nmock\n-----END CERTIFICATE-----");
    expect(stackOutputs.connectionUrl).toBe(`rediss://:${String(instance.authString)}@${String(instance.host)}:${String(instance.port)}`);
    expect(secretOutputs).toEqual(expect.arrayContaining(["authToken", "connectionUrl"]));
  });

  it("exposes the server CA certificates TLS clients must trust in the gcp escape hatch", async () => {
    const { stackOutputs, result } = await runWithMocks(
      () => {
        const c = new Cache("online", args());
        return { backends: Object.keys(c.native), certs: c.native.gcp?.serverCaCerts };
      },
      { project: "mlops-platform", stack: "gcp" },
    );
    expect(result.backends).toEqual(["gcp"]);
    expect(stackOutputs.certs).toEqual(["-----BEGIN CERTIFICATE-----\nmock\n-----END CERTIFICATE-----"]);
  });

  it("builds in preview, when the host and AUTH string are unknown", async () => {
    const { resources } = await plan({ tier: "prod" }, true);
    expect(one(resources, INSTANCE).inputs).toMatchObject({ tier: "STANDARD_HA", authEnabled: true });
  });
});
