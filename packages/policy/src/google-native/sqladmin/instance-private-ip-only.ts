import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { SQL_INSTANCE_TYPES, type NativeSqlInstance } from "./instance";

/** google-native Cloud SQL instances have no public IPv4 address. */
export const googleNativeSqladminInstancePrivateIpOnly = definePolicy<ResourceValidationPolicy>(
  {
    name: "google-native-sqladmin-instance-private-ip-only",
    description:
      "google-native Cloud SQL instances must set settings.ipConfiguration.ipv4Enabled false (unset means a public IP) and " +
      "connect through a private network: databases are never reached from the internet.",
    validateResource: SQL_INSTANCE_TYPES.map((token) =>
      validateTypeToken<NativeSqlInstance>(token, (db, _args, report) => {
        if (db.settings?.ipConfiguration?.ipv4Enabled !== false) {
          report("settings.ipConfiguration.ipv4Enabled is not false: the instance gets a public IPv4 address. Set it false and set privateNetwork.");
        }
      }),
    ),
  },
  { vendor: "google-native", services: ["sqladmin"], topics: ["network"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "critical" },
);
