import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** SSL/TLS versions CloudFront may use towards a custom origin that are older than TLS 1.2. */
const OLD_ORIGIN_PROTOCOLS = new Set(["SSLv3", "TLSv1", "TLSv1.1"]);

/**
 * CloudFront talks to custom origins over TLS 1.2: `customOriginConfig.originProtocolPolicy`
 * "https-only" (or "match-viewer" when no cache behavior lets viewers use HTTP), and no
 * `originSslProtocols` older than TLSv1.2. S3 and VPC origins are reached over AWS's own TLS.
 */
export const awsCloudfrontDistributionOriginTls = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-cloudfront-distribution-origin-tls",
    description:
      'CloudFront custom origins must be reached over TLS 1.2: customOriginConfig.originProtocolPolicy "https-only" (or ' +
      '"match-viewer" when viewers always use HTTPS) and originSslProtocols ["TLSv1.2"]: "http-only" sends every request and ' +
      "response between CloudFront and the origin in clear.",
    validateResource: validateTypeToken<aws.cloudfront.DistributionArgs>("aws:cloudfront/distribution:Distribution", (dist, _args, report) => {
      const viewerPolicies = [dist.defaultCacheBehavior.viewerProtocolPolicy, ...(dist.orderedCacheBehaviors ?? []).map((b) => b.viewerProtocolPolicy)];
      const viewersMayUseHttp = viewerPolicies.includes("allow-all");
      for (const origin of dist.origins ?? []) {
        const custom = origin.customOriginConfig;
        if (!custom) continue;
        const where = `origin ${origin.originId} (${origin.domainName})`;
        const policy = custom.originProtocolPolicy;
        if (policy === "http-only") report(`${where}: originProtocolPolicy is "http-only": CloudFront reaches the origin over plain HTTP. Set it to "https-only".`);
        else if (policy === "match-viewer" && viewersMayUseHttp) {
          report(`${where}: originProtocolPolicy is "match-viewer" and a cache behavior allows HTTP viewers, so those requests reach the origin over plain HTTP. Set it to "https-only".`);
        }
        const old = (custom.originSslProtocols ?? []).filter((p) => OLD_ORIGIN_PROTOCOLS.has(p));
        if (old.length > 0) report(`${where}: originSslProtocols allows ${old.join(", ")}: keep only "TLSv1.2".`);
      }
    }),
  },
  { vendor: "aws", services: ["cloudfront"], topics: ["encryption", "network"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "critical" },
);
