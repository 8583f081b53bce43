import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { DB_CLUSTER, DB_INSTANCE, type NativeDatabase } from "./database";

/** No aws-native RDS instance or (Multi-AZ DB) cluster is reachable from the internet. */
export const awsNativeRdsNotPubliclyAccessible = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-rds-not-publicly-accessible",
    description:
      "aws-native RDS DbInstance and DbCluster resources must not set publiclyAccessible true: the database would get a " +
      "public DNS name and address; databases live in private subnets and are reached from inside the VPC.",
    validateResource: [DB_INSTANCE, DB_CLUSTER].map((token) =>
      validateTypeToken<NativeDatabase>(token, (db, _args, report) => {
        if (db.publiclyAccessible === true) report("publiclyAccessible is true: the database gets a public address. Remove it (or set false) and reach it from the VPC.");
      }),
    ),
  },
  { vendor: "aws-native", services: ["rds"], topics: ["network"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "critical" },
);
