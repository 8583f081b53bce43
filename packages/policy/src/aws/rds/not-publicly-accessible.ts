import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ReportViolation, type ResourceValidationPolicy } from "@pulumi/policy";

function check(db: { publiclyAccessible?: boolean }, report: ReportViolation): void {
  if (db.publiclyAccessible === true) report("publiclyAccessible is true: the database gets a public DNS name and address.");
}

/** No RDS instance (or Aurora cluster instance) is reachable from the internet. */
export const awsRdsNotPubliclyAccessible: ResourceValidationPolicy = {
  name: "aws-rds-not-publicly-accessible",
  description:
    "RDS instances and Aurora cluster instances must not be publiclyAccessible: databases live in private subnets and are " +
    "reached from inside the VPC only.",
  validateResource: [
    validateResourceOfType(aws.rds.Instance, (db, _args, report) => check(db, report)),
    validateResourceOfType(aws.rds.ClusterInstance, (db, _args, report) => check(db, report)),
  ],
};
