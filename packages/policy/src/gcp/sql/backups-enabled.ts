import type * as gcp from "@pulumi/gcp";
import { validateTypeToken } from "../../lib/type-token";
import { type ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";

/** Cloud SQL instances take automated backups. */
export const gcpSqlBackupsEnabled = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-sql-backups-enabled",
    description:
      "Cloud SQL instances must set settings.backupConfiguration.enabled true: without automated backups there is no " +
      "point-in-time recovery (RPO 1 h).",
    validateResource: validateTypeToken<gcp.sql.DatabaseInstanceArgs>("gcp:sql/databaseInstance:DatabaseInstance", (db, _args, report) => {
      if (db.settings?.backupConfiguration?.enabled !== true) report("settings.backupConfiguration.enabled is not true.");
    }),
  },
  { vendor: "gcp", services: ["sql"], topics: ["backup"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "medium" },
);
