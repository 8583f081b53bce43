import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { isSetOrPending } from "../../lib/values";

/** aws-native AppFlow flows and connector profiles encrypt with a customer KMS key. */
export const awsNativeAppflowEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-appflow-encrypted-with-kms",
    description:
      "aws-native AppFlow flows and connector profiles must set kmsArn to a customer-managed key: flows stage the data they " +
      "move and profiles hold the connectors' credentials, otherwise under the AWS-managed aws/appflow key.",
    validateResource: ["aws-native:appflow:Flow", "aws-native:appflow:ConnectorProfile"].map((token) =>
      validateTypeToken<{ kmsArn?: string }>(token, (resource, args, report) => {
        const what = args.type.endsWith(":Flow") ? "the flow's staged data" : "the connector credentials";
        if (!isSetOrPending(() => resource.kmsArn)) report(`kmsArn is not set: ${what} use the AWS-managed aws/appflow key; name a customer-managed key.`);
      }),
    ),
  },
  { vendor: "aws-native", services: ["appflow"], topics: ["encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "medium" },
);
