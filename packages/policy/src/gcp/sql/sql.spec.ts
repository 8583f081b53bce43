import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const INSTANCE = "gcp:sql/databaseInstance:DatabaseInstance";
const settings = {
  tier: "db-custom-1-3840",
  ipConfiguration: { ipv4Enabled: false, privateNetwork: "projects/p/global/networks/n", sslMode: "ENCRYPTED_ONLY" },
  backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: true },
};
const db = (s: Record<string, unknown>) => res(INSTANCE, "db", { databaseVersion: "POSTGRES_16", settings: s });

describe("gcp-sql-private-ip-only", () => {
  const policy = "gcp-sql-private-ip-only";

  it("passes an instance with private IP only", async () => {
    expect(await violations(policy, [db(settings)])).toEqual([]);
  });

  it("flags an instance that gets a public IP by default", async () => {
    expect(await violations(policy, [db({ ...settings, ipConfiguration: { sslMode: "ENCRYPTED_ONLY" } })])).toEqual([
      "settings.ipConfiguration.ipv4Enabled is not false: the instance gets a public IPv4 address.",
    ]);
  });
});

describe("gcp-sql-ssl-required", () => {
  const policy = "gcp-sql-ssl-required";

  it("passes ENCRYPTED_ONLY and TRUSTED_CLIENT_CERTIFICATE_REQUIRED", async () => {
    const mtls = { ...settings, ipConfiguration: { ...settings.ipConfiguration, sslMode: "TRUSTED_CLIENT_CERTIFICATE_REQUIRED" } };
    expect(await violations(policy, [db(settings), { ...db(mtls), urn: "urn:pulumi:test::p::x::mtls", name: "mtls" }])).toEqual([]);
  });

  it("flags an instance that accepts unencrypted connections", async () => {
    const plain = { ...settings, ipConfiguration: { ipv4Enabled: false, sslMode: "ALLOW_UNENCRYPTED_AND_ENCRYPTED" } };
    expect(await violations(policy, [db(plain)])).toEqual(["settings.ipConfiguration.sslMode is ALLOW_UNENCRYPTED_AND_ENCRYPTED."]);
  });
});

describe("gcp-sql-backups-enabled", () => {
  const policy = "gcp-sql-backups-enabled";

  it("passes an instance with automated backups", async () => {
    expect(await violations(policy, [db(settings)])).toEqual([]);
  });

  it("flags an instance without automated backups", async () => {
    expect(await violations(policy, [db({ ...settings, backupConfiguration: undefined })])).toEqual(["settings.backupConfiguration.enabled is not true."]);
  });
});
