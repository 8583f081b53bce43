import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { isSetOrPending } from "../../lib/values";
import { validateTypeToken } from "../../lib/type-token";

/** CloudFront distributions sit behind an AWS WAF web ACL (`webAclId`). */
export const awsCloudfrontDistributionWaf = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-cloudfront-distribution-waf",
    description:
      "CloudFront distributions must attach an AWS WAF web ACL (webAclId): the distribution is the public edge of everything " +
      "behind it, and without a web ACL nothing filters common exploits or rate-limits abusive clients.",
    validateResource: validateTypeToken<aws.cloudfront.DistributionArgs>("aws:cloudfront/distribution:Distribution", (dist, _args, report) => {
      if (!isSetOrPending(() => dist.webAclId)) {
        report('webAclId is not set: no AWS WAF web ACL filters requests to the distribution. Create an aws.wafv2.WebAcl with scope "CLOUDFRONT" and pass its arn as webAclId.');
      }
    }),
  },
  { vendor: "aws", services: ["cloudfront"], topics: ["network"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
