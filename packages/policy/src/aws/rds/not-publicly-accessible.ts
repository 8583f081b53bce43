import type * as aws from "@pulumi/aws";
import type { ReportViolation, ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

function check(db: { publiclyAccessible?: boolean }, report: ReportViolation): void {
  if (db.publiclyAccessible === true) report("publiclyAccessible is true: the database gets a public DNS name and address.");
}

/** No RDS instance (or Aurora cluster instance) is reachable from the internet. */
export const awsRdsNotPubliclyAccessible = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-rds-not-publicly-accessible",
    description:
      "RDS instances and Aurora cluster instances must not be publiclyAccessible: databases live in private subnets and are " +
      "reached from inside the VPC only.",
    validateResource: [
      validateTypeToken<aws.rds.InstanceArgs>("aws:rds/instance:Instance", (db, _args, report) => check(db, report)),
      validateTypeToken<aws.rds.ClusterInstanceArgs>("aws:rds/clusterInstance:ClusterInstance", (db, _args, report) => check(db, report)),
    ],
  },
  { vendor: "aws", services: ["rds"], topics: ["network"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "critical" },
);
