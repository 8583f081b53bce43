import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { noPublicIamGrants } from "../iam/public-grants";

/** No Cloud Run service (v1 or v2 API) grants a role to `allUsers` or `allAuthenticatedUsers`. */
export const gcpCloudrunServiceNotPublic = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-cloudrun-service-not-public",
    description:
      "Cloud Run services (gcp.cloudrun IamMember, IamBinding, IamPolicy and gcp.cloudrunv2 ServiceIamMember, " +
      "ServiceIamBinding, ServiceIamPolicy) must not grant any role to allUsers or allAuthenticatedUsers: the service would " +
      "answer unauthenticated requests from the whole internet.",
    validateResource: noPublicIamGrants(
      {
        member: ["gcp:cloudrun/iamMember:IamMember", "gcp:cloudrunv2/serviceIamMember:ServiceIamMember"],
        binding: ["gcp:cloudrun/iamBinding:IamBinding", "gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding"],
        policyData: ["gcp:cloudrun/iamPolicy:IamPolicy", "gcp:cloudrunv2/serviceIamPolicy:ServiceIamPolicy"],
      },
      "anyone on the internet can call the service",
    ),
  },
  { vendor: "gcp", services: ["cloudrun", "cloudrunv2"], topics: ["access", "network"], frameworks: ["cis", "iso27001", "pcidss"], severity: "critical" },
);
