import type { ResourceValidationPolicy } from "@pulumi/policy";
import { noPublicIamGrants } from "../../gcp/iam/public-grants";
import { definePolicy } from "../../lib/registry";

const VERSIONS = ["v1", "v2", "v2beta", "v2alpha"];
const tokens = (kind: string) => VERSIONS.map((v) => `google-native:cloudfunctions/${v}:Function${kind}`);

/** No google-native Cloud Function grants a role to `allUsers` or `allAuthenticatedUsers`. */
export const googleNativeCloudfunctionsFunctionNotPublic = definePolicy<ResourceValidationPolicy>(
  {
    name: "google-native-cloudfunctions-function-not-public",
    description:
      "google-native Cloud Functions IAM (FunctionIamMember, FunctionIamBinding, FunctionIamPolicy of the v1 and v2 APIs) " +
      "must not grant any role to allUsers or allAuthenticatedUsers: anyone on the internet could invoke the function.",
    validateResource: noPublicIamGrants(
      { member: tokens("IamMember"), binding: tokens("IamBinding"), bindings: tokens("IamPolicy") },
      "anyone on the internet can invoke the function",
    ),
  },
  { vendor: "google-native", services: ["cloudfunctions"], topics: ["access", "network"], frameworks: ["cis", "iso27001", "pcidss"], severity: "critical" },
);
