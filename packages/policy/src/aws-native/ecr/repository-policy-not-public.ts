import type { ResourceValidationPolicy } from "@pulumi/policy";
import { publicPolicyProblem } from "../../lib/aws-policy-document";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** No aws-native ECR repository policy lets everyone pull or push. */
export const awsNativeEcrRepositoryPolicyNotPublic = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-ecr-repository-policy-not-public",
    description:
      'aws-native ECR repositories must not have a repositoryPolicyText that Allows Principal "*" without a condition that ' +
      "restricts the caller: anyone could pull the images (and what is baked into them) or push new ones.",
    validateResource: validateTypeToken<{ repositoryPolicyText?: unknown }>("aws-native:ecr:Repository", (repo, _args, report) => {
      const problem = publicPolicyProblem(repo.repositoryPolicyText, "repositoryPolicyText");
      if (problem) report(problem);
    }),
  },
  { vendor: "aws-native", services: ["ecr"], topics: ["access"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "critical" },
);
