import type * as gcp from "@pulumi/gcp";
import { validateTypeToken } from "../../lib/type-token";
import { type ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";

/** Cloud SQL instances have no public IPv4 address. */
export const gcpSqlPrivateIpOnly = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-sql-private-ip-only",
    description:
      "Cloud SQL instances must set settings.ipConfiguration.ipv4Enabled false (private IP only; unset means a public IP): " +
      "databases are reached from the VPC, never from the internet.",
    validateResource: validateTypeToken<gcp.sql.DatabaseInstanceArgs>("gcp:sql/databaseInstance:DatabaseInstance", (db, _args, report) => {
      if (db.settings?.ipConfiguration?.ipv4Enabled !== false) report("settings.ipConfiguration.ipv4Enabled is not false: the instance gets a public IPv4 address.");
    }),
  },
  { vendor: "gcp", services: ["sql"], topics: ["network"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "critical" },
);
