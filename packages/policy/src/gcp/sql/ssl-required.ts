import type * as gcp from "@pulumi/gcp";
import { validateTypeToken } from "../../lib/type-token";
import { type ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";

/** SSL modes that refuse unencrypted connections. */
const ENCRYPTED_MODES = new Set(["ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"]);

/** Cloud SQL instances accept encrypted connections only. */
export const gcpSqlSslRequired = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-sql-ssl-required",
    description:
      "Cloud SQL instances must set settings.ipConfiguration.sslMode to ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED, " +
      "so credentials and query results never cross the network in clear.",
    validateResource: validateTypeToken<gcp.sql.DatabaseInstanceArgs>("gcp:sql/databaseInstance:DatabaseInstance", (db, _args, report) => {
      const mode = db.settings?.ipConfiguration?.sslMode;
      if (!mode || !ENCRYPTED_MODES.has(mode)) report(`settings.ipConfiguration.sslMode is ${mode ?? "unset (ALLOW_UNENCRYPTED_AND_ENCRYPTED)"}.`);
    }),
  },
  { vendor: "gcp", services: ["sql"], topics: ["encryption", "network"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "high" },
);
