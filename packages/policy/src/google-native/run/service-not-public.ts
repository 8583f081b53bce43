import type { ResourceValidationPolicy } from "@pulumi/policy";
import { noPublicIamGrants } from "../../gcp/iam/public-grants";
import { definePolicy } from "../../lib/registry";

const tokens = (kind: string) => ["v1", "v2"].map((v) => `google-native:run/${v}:Service${kind}`);

/** No google-native Cloud Run service grants a role to `allUsers` or `allAuthenticatedUsers`. */
export const googleNativeRunServiceNotPublic = definePolicy<ResourceValidationPolicy>(
  {
    name: "google-native-run-service-not-public",
    description:
      "google-native Cloud Run IAM (ServiceIamMember, ServiceIamBinding, ServiceIamPolicy of the v1 and v2 APIs) must not " +
      "grant any role to allUsers or allAuthenticatedUsers: the service would answer unauthenticated internet requests.",
    validateResource: noPublicIamGrants(
      { member: tokens("IamMember"), binding: tokens("IamBinding"), bindings: tokens("IamPolicy") },
      "anyone on the internet can call the service",
    ),
  },
  { vendor: "google-native", services: ["run"], topics: ["access", "network"], frameworks: ["cis", "iso27001", "pcidss"], severity: "critical" },
);
