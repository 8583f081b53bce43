import type { ResourceValidationPolicy } from "@pulumi/policy";
import { validatePolicyInput } from "../../lib/aws-policy-document";
import { definePolicy } from "../../lib/registry";

/** No ECR repository policy lets everyone pull or push images (Principal "*" without a restricting condition). */
export const awsEcrRepositoryPolicyNotPublic = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-ecr-repository-policy-not-public",
    description:
      'ECR repository policies (aws.ecr.RepositoryPolicy) must not allow Principal "*" without a condition that restricts the ' +
      "caller (aws:PrincipalOrgID, aws:SourceAccount, ...): anyone could pull the images, with the code and secrets baked into them, or push new ones.",
    validateResource: validatePolicyInput("aws:ecr/repositoryPolicy:RepositoryPolicy", "The repository policy"),
  },
  { vendor: "aws", services: ["ecr"], topics: ["access"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "critical" },
);
