import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { noPublicIamGrants } from "../iam/public-grants";

/**
 * No Cloud Function (1st or 2nd gen) grants a role to `allUsers` or `allAuthenticatedUsers`
 * through its IAM member, binding or policy resources.
 */
export const gcpCloudfunctionsFunctionNotPublic = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-cloudfunctions-function-not-public",
    description:
      "Cloud Functions (gcp.cloudfunctions and gcp.cloudfunctionsv2 FunctionIamMember, FunctionIamBinding, FunctionIamPolicy) " +
      "must not grant any role to allUsers or allAuthenticatedUsers: anyone on the internet could then invoke the function.",
    validateResource: noPublicIamGrants(
      {
        member: ["gcp:cloudfunctions/functionIamMember:FunctionIamMember", "gcp:cloudfunctionsv2/functionIamMember:FunctionIamMember"],
        binding: ["gcp:cloudfunctions/functionIamBinding:FunctionIamBinding", "gcp:cloudfunctionsv2/functionIamBinding:FunctionIamBinding"],
        policyData: ["gcp:cloudfunctions/functionIamPolicy:FunctionIamPolicy", "gcp:cloudfunctionsv2/functionIamPolicy:FunctionIamPolicy"],
      },
      "anyone on the internet can invoke the function",
    ),
  },
  { vendor: "gcp", services: ["cloudfunctions", "cloudfunctionsv2"], topics: ["access", "network"], frameworks: ["cis", "iso27001", "pcidss"], severity: "critical" },
);
