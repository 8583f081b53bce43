import { describe, expect, it, jest } from "@jest/globals";
import * as gcp from "@pulumi/gcp";
import { byType, one, runWithMocks } from "@mlops/testing";
import { gcpLabels } from "@mlops/core";
import type { DatabaseArgs } from "../types";

jest.mock("@pulumi/aws", () => {
  throw new Error("@pulumi/aws loaded by a gcp Database");
});

// Loaded after the mocks above are registered, so a top-level import of another cloud fails here.
const { Database } = require("../database") as typeof import("../database");
const { cloudSqlEdition } = require("./gcp") as typeof import("./gcp");

const tags = { project: "mlops", "cost-center": "ML Team" };
const gcpPlacement = { project: "prj", region: "europe-west1", networkId: "projects/prj/global/networks/vpc" };
const COMPONENT = "mlops:database:Database";

function run(extra: Partial<DatabaseArgs> = {}, stack = "prod", preview = false) {
  return runWithMocks(() => {
    const range = new gcp.compute.GlobalAddress("psa-range", { project: "prj", purpose: "VPC_PEERING", addressType: "INTERNAL", prefixLength: 16, network: gcpPlacement.networkId });
    const db = new Database("metadata", { backend: "gcp", tier: "prod", tags, placement: { gcp: { ...gcpPlacement, dependsOn: [range] } }, ...extra });
    return { host: db.host, port: db.port, password: db.password, connectionString: db.connectionString, nativeKeys: Object.keys(db.native), rangeUrn: range.urn };
  }, { project: "mlops-platform", stack, preview });
}
const instanceOf = (resources: Awaited<ReturnType<typeof run>>["resources"]) => one(resources, "gcp:sql/databaseInstance:DatabaseInstance");

describe("Database on gcp (Cloud SQL for PostgreSQL)", () => {
  it("has a private IP only on the given network and accepts only TLS connections", async () => {
    const { resources } = await run();
    expect(instanceOf(resources).inputs).toMatchObject({
      name: "prod-metadata", // the stack in the name: stacks sharing a project do not collide
      project: "prj",
      region: "europe-west1",
      databaseVersion: "POSTGRES_16",
      settings: { ipConfiguration: { ipv4Enabled: false, privateNetwork: gcpPlacement.networkId, sslMode: "ENCRYPTED_ONLY", enablePrivatePathForGoogleCloudServices: false } },
    });
  });

  it("encrypts with a new rotated Cloud KMS key the Cloud SQL service agent may use, before the instance exists", async () => {
    const { resources } = await run();
    const key = one(resources, "gcp:kms/cryptoKey:CryptoKey");
    const agent = one(resources, "gcp:projects/serviceIdentity:ServiceIdentity");
    const grant = one(resources, "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember");
    const instance = instanceOf(resources);
    expect(key.inputs).toMatchObject({ rotationPeriod: "7776000s", labels: gcpLabels(tags) });
    expect(one(resources, "gcp:kms/keyRing:KeyRing").inputs).toMatchObject({ project: "prj", location: "europe-west1" });
    expect(agent.inputs).toMatchObject({ project: "prj", service: "sqladmin.googleapis.com" });
    expect(grant.inputs).toEqual({ cryptoKeyId: key.id, role: "roles/cloudkms.cryptoKeyEncrypterDecrypter", member: `serviceAccount:${String(agent.outputs["email"])}` });
    expect(instance.inputs["encryptionKeyName"]).toBe(key.id);
    expect(instance.dependencies).toContain(grant.urn);
    expect(key.protect).toBe(true);
  });

  it("waits for the placement's dependencies (the private services connection)", async () => {
    const { resources, result } = await run();
    const range = one(resources, "gcp:compute/globalAddress:GlobalAddress");
    expect(instanceOf(resources).dependencies).toContain(range.urn);
    expect(result.rangeUrn).toBeDefined();
  });

  it("in prod: regional HA, daily backups with PITR kept 30 days, deletion protection on both sides, a final backup and protect", async () => {
    const { resources } = await run();
    const instance = instanceOf(resources);
    expect(instance.inputs).toMatchObject({
      deletionProtection: true,
      settings: {
        tier: "db-custom-4-15360", edition: "ENTERPRISE", availabilityType: "REGIONAL", diskType: "PD_SSD", diskSize: 100, diskAutoresize: true, diskAutoresizeLimit: 1000,
        backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: true, startTime: "02:00", transactionLogRetentionDays: 7, backupRetentionSettings: { retainedBackups: 30, retentionUnit: "COUNT" } },
        deletionProtectionEnabled: true, retainBackupsOnDelete: true, finalBackupConfig: { enabled: true, retentionDays: 30 },
        insightsConfig: { queryInsightsEnabled: true },
        userLabels: gcpLabels(tags),
      },
    });
    expect((instance.inputs["settings"] as { databaseFlags: unknown[] }).databaseFlags).toEqual(
      expect.arrayContaining([{ name: "log_min_duration_statement", value: "1000" }, { name: "cloudsql.iam_authentication", value: "on" }]),
    );
    expect(instance.protect).toBe(true);
    expect(one(resources, "gcp:sql/database:Database").protect).toBe(true);
  });

  it("in dev: zonal, no deletion protection, no final backup, not protected", async () => {
    const { resources } = await run({ tier: "dev" }, "dev");
    const instance = instanceOf(resources);
    expect(instance.inputs).toMatchObject({ deletionProtection: false, settings: { availabilityType: "ZONAL", deletionProtectionEnabled: false, retainBackupsOnDelete: false, tier: "db-custom-1-3840" } });
    expect((instance.inputs["settings"] as Record<string, unknown>)["finalBackupConfig"]).toBeUndefined();
    expect(instance.protect).toBe(false);
  });

  it("uses the caller's key and creates no KMS resources", async () => {
    const keyId = "projects/prj/locations/europe-west1/keyRings/platform/cryptoKeys/data";
    const { resources } = await run({ kmsKeyId: keyId });
    expect(byType(resources, "gcp:kms/cryptoKey:CryptoKey")).toHaveLength(0);
    expect(byType(resources, "gcp:projects/serviceIdentity:ServiceIdentity")).toHaveLength(0);
    expect(instanceOf(resources).inputs["encryptionKeyName"]).toBe(keyId);
  });

  it("creates the database and the admin user with the secret generated password, abandoned rather than dropped", async () => {
    const { resources, stackOutputs, secretOutputs } = await run({ databaseName: "features", username: "feast" });
    const instance = instanceOf(resources);
    const password = one(resources, "random:index/randomPassword:RandomPassword");
    expect(one(resources, "gcp:sql/database:Database").inputs).toMatchObject({ instance: "prod-metadata", name: "features", deletionPolicy: "ABANDON" });
    const user = one(resources, "gcp:sql/user:User");
    expect(user.inputs).toMatchObject({ instance: "prod-metadata", name: "feast", password: password.outputs["result"], deletionPolicy: "ABANDON" });
    expect(user.secretPaths).toContain("password");
    expect(secretOutputs).toEqual(expect.arrayContaining(["password", "connectionString"]));
    const encoded = encodeURIComponent(String(password.outputs["result"]));
    expect(stackOutputs["connectionString"]).toBe(`postgresql://feast:${encoded}@${String(instance.outputs["privateIpAddress"])}:5432/features?sslmode=require`);
    expect(stackOutputs).toMatchObject({ host: instance.outputs["privateIpAddress"], port: 5432, nativeKeys: ["gcp"] });
  });

  it("parents every child to the component", async () => {
    const { resources } = await run();
    const component = one(resources, COMPONENT);
    const kids = resources.filter((r) => r.urn.includes(`${COMPONENT}$`));
    expect(kids.length).toBeGreaterThanOrEqual(7);
    for (const r of kids) expect(r.parent).toBe(component.urn);
  });

  it("picks Enterprise Plus only for the performance-optimised tiers", () => {
    expect(cloudSqlEdition("db-perf-optimized-N-4")).toBe("ENTERPRISE_PLUS");
    expect(cloudSqlEdition("db-custom-2-7680")).toBe("ENTERPRISE");
  });

  it("builds in preview", async () => {
    const { resources } = await run({}, "prod", true);
    expect(instanceOf(resources).inputs).toMatchObject({ settings: { ipConfiguration: { ipv4Enabled: false, sslMode: "ENCRYPTED_ONLY" } } });
  });
});
