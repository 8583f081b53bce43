import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { DB_CLUSTER, DB_INSTANCE, type NativeDatabase } from "./database";

const MESSAGE =
  "Performance Insights is on without performanceInsightsKmsKeyId: its data (query text included) is encrypted with the AWS-managed key; name a customer-managed key.";

/** Performance Insights data, which holds SQL text, is encrypted with a customer KMS key. */
export const awsNativeRdsPerformanceInsightsEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-rds-performance-insights-encrypted-with-kms",
    description:
      "aws-native RDS DbInstance (enablePerformanceInsights) and DbCluster (performanceInsightsEnabled) resources with " +
      "Performance Insights on must set performanceInsightsKmsKeyId to a customer-managed key: the collected data " +
      "includes SQL statements and their literals.",
    validateResource: [
      validateTypeToken<NativeDatabase>(DB_INSTANCE, (db, _args, report) => {
        if (db.enablePerformanceInsights === true && !db.performanceInsightsKmsKeyId) report(MESSAGE);
      }),
      validateTypeToken<NativeDatabase>(DB_CLUSTER, (db, _args, report) => {
        if (db.performanceInsightsEnabled === true && !db.performanceInsightsKmsKeyId) report(MESSAGE);
      }),
    ],
  },
  { vendor: "aws-native", services: ["rds"], topics: ["encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
