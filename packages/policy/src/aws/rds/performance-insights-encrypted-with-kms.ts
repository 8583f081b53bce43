import type * as aws from "@pulumi/aws";
import type { ReportViolation, ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { isSetOrPending } from "../../lib/values";
import { validateTypeToken } from "../../lib/type-token";

function check(db: { performanceInsightsEnabled?: boolean; performanceInsightsKmsKeyId?: string }, report: ReportViolation): void {
  if (db.performanceInsightsEnabled === true && !isSetOrPending(() => db.performanceInsightsKmsKeyId)) {
    report(
      "performanceInsightsEnabled is true without performanceInsightsKmsKeyId: Performance Insights data (which holds SQL text " +
        "and its literals) is encrypted with the AWS-managed aws/rds key. Set performanceInsightsKmsKeyId to a customer-managed key.",
    );
  }
}

/** Performance Insights, where enabled, is encrypted with a customer-managed KMS key. */
export const awsRdsPerformanceInsightsEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-rds-performance-insights-encrypted-with-kms",
    description:
      "RDS instances, cluster instances and clusters with Performance Insights enabled must set performanceInsightsKmsKeyId to a " +
      "customer-managed KMS key: the collected query samples contain the data the queries carry.",
    validateResource: [
      validateTypeToken<aws.rds.InstanceArgs>("aws:rds/instance:Instance", (db, _args, report) => check(db, report)),
      validateTypeToken<aws.rds.ClusterInstanceArgs>("aws:rds/clusterInstance:ClusterInstance", (db, _args, report) => check(db, report)),
      validateTypeToken<aws.rds.ClusterArgs>("aws:rds/cluster:Cluster", (db, _args, report) => check(db, report)),
    ],
  },
  { vendor: "aws", services: ["rds"], topics: ["encryption"], frameworks: [], severity: "high" },
);
