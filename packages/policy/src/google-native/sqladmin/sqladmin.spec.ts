import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const instance = (ipConfiguration: Record<string, unknown> | undefined, type = "google-native:sqladmin/v1:Instance") =>
  res(type, "db", { databaseVersion: "POSTGRES_15", settings: { tier: "db-custom-1-3840", ipConfiguration } });

describe("google-native-sqladmin-instance-private-ip-only", () => {
  const policy = "google-native-sqladmin-instance-private-ip-only";

  it("passes private IP only", async () => {
    expect(await violations(policy, [instance({ ipv4Enabled: false, privateNetwork: "projects/p/global/networks/n" })])).toEqual([]);
  });

  it("flags a public IP on v1 and v1beta4", async () => {
    const message = "settings.ipConfiguration.ipv4Enabled is not false: the instance gets a public IPv4 address. Set it false and set privateNetwork.";
    expect(await violations(policy, [instance(undefined), instance({ ipv4Enabled: true }, "google-native:sqladmin/v1beta4:Instance")])).toEqual([message, message]);
  });
});

describe("google-native-sqladmin-instance-ssl-required", () => {
  const policy = "google-native-sqladmin-instance-ssl-required";

  it("passes ENCRYPTED_ONLY and the legacy requireSsl", async () => {
    expect(await violations(policy, [instance({ sslMode: "ENCRYPTED_ONLY" }), instance({ requireSsl: true }, "google-native:sqladmin/v1beta4:Instance")])).toEqual([]);
  });

  it("flags unencrypted connections, even when requireSsl contradicts sslMode", async () => {
    expect(await violations(policy, [instance({}), instance({ sslMode: "ALLOW_UNENCRYPTED_AND_ENCRYPTED", requireSsl: true })])).toEqual([
      "settings.ipConfiguration.sslMode is unset (ALLOW_UNENCRYPTED_AND_ENCRYPTED): set ENCRYPTED_ONLY so credentials and results never cross the network in clear.",
      "settings.ipConfiguration.sslMode is ALLOW_UNENCRYPTED_AND_ENCRYPTED: set ENCRYPTED_ONLY so credentials and results never cross the network in clear.",
    ]);
  });
});
