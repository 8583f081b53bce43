import type * as aws from "@pulumi/aws";
import type { ReportViolation, ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { isSetOrPending } from "../../lib/values";
import { validateTypeToken } from "../../lib/type-token";

function check(props: { kmsArn?: string }, what: string, report: ReportViolation): void {
  if (!isSetOrPending(() => props.kmsArn)) report(`kmsArn is not set: AppFlow encrypts the ${what} with the AWS-managed aws/appflow key. Set kmsArn to a customer-managed KMS key.`);
}

/** AppFlow flows and connector profiles encrypt with a customer-managed KMS key (`kmsArn`). */
export const awsAppflowEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-appflow-encrypted-with-kms",
    description:
      "AppFlow flows (transferred data) and connector profiles (connection credentials) must set kmsArn to a customer-managed " +
      "KMS key: with the AWS-managed key, the key policy and its audit trail are not ours to control.",
    validateResource: [
      validateTypeToken<aws.appflow.FlowArgs>("aws:appflow/flow:Flow", (flow, _args, report) => check(flow, "flow's data", report)),
      validateTypeToken<aws.appflow.ConnectorProfileArgs>("aws:appflow/connectorProfile:ConnectorProfile", (profile, _args, report) =>
        check(profile, "connector profile's credentials", report),
      ),
    ],
  },
  { vendor: "aws", services: ["appflow"], topics: ["encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "medium" },
);
