import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { SQL_INSTANCE_TYPES, type NativeSqlInstance } from "./instance";

/** SSL modes that refuse unencrypted connections. */
const ENCRYPTED_MODES = new Set(["ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"]);

/** google-native Cloud SQL instances accept encrypted connections only. */
export const googleNativeSqladminInstanceSslRequired = definePolicy<ResourceValidationPolicy>(
  {
    name: "google-native-sqladmin-instance-ssl-required",
    description:
      "google-native Cloud SQL instances must refuse unencrypted connections: settings.ipConfiguration.sslMode " +
      "ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED (or the legacy requireSsl true when sslMode is unset).",
    validateResource: SQL_INSTANCE_TYPES.map((token) =>
      validateTypeToken<NativeSqlInstance>(token, (db, _args, report) => {
        const ip = db.settings?.ipConfiguration;
        if (ip?.sslMode ? ENCRYPTED_MODES.has(ip.sslMode) : ip?.requireSsl === true) return;
        report(`settings.ipConfiguration.sslMode is ${ip?.sslMode ?? "unset (ALLOW_UNENCRYPTED_AND_ENCRYPTED)"}: set ENCRYPTED_ONLY so credentials and results never cross the network in clear.`);
      }),
    ),
  },
  { vendor: "google-native", services: ["sqladmin"], topics: ["encryption", "network"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "high" },
);
