import { describe, expect, it } from "@jest/globals";
import { res, runPolicy, unknown, violations } from "../../testing";

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const acm = { acmCertificateArn: "arn:aws:acm:us-east-1:1:certificate/x", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" };
const origin = (customOriginConfig?: Record<string, unknown>) => ({
  originId: "api",
  domainName: "api.example.com",
  ...(customOriginConfig ? { customOriginConfig: { httpPort: 80, httpsPort: 443, originSslProtocols: ["TLSv1.2"], ...customOriginConfig } } : { s3OriginConfig: { originAccessIdentity: "oai" } }),
});
const distribution = (extra: Record<string, unknown> = {}) => ({
  enabled: true,
  origins: [origin({ originProtocolPolicy: "https-only" })],
  defaultCacheBehavior: { targetOriginId: "api", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] },
  restrictions: { geoRestriction: { restrictionType: "none" } },
  viewerCertificate: acm,
  ...extra,
});

describe("aws-cloudfront-distribution-viewer-tls", () => {
  const policy = "aws-cloudfront-distribution-viewer-tls";

  it("passes HTTPS-only viewers on an ACM certificate with TLSv1.2_2021", async () => {
    const ordered = [{ pathPattern: "/api/*", targetOriginId: "api", viewerProtocolPolicy: "https-only", allowedMethods: ["GET"], cachedMethods: ["GET"] }];
    expect(await violations(policy, [res(DISTRIBUTION, "site", distribution({ orderedCacheBehaviors: ordered }))])).toEqual([]);
  });

  it("flags an allow-all cache behavior and an old minimum protocol version", async () => {
    const ordered = [{ pathPattern: "/static/*", targetOriginId: "api", viewerProtocolPolicy: "allow-all", allowedMethods: ["GET"], cachedMethods: ["GET"] }];
    const dist = distribution({ orderedCacheBehaviors: ordered, viewerCertificate: { ...acm, minimumProtocolVersion: "TLSv1" } });
    expect(await violations(policy, [res(DISTRIBUTION, "site", dist)])).toEqual([
      'orderedCacheBehaviors[0] (/static/*).viewerProtocolPolicy is "allow-all": viewers can use plain HTTP. Set it to "redirect-to-https" or "https-only".',
      'viewerCertificate.minimumProtocolVersion is "TLSv1", which accepts TLS older than 1.2 or weak ciphers: set it to "TLSv1.2_2021".',
    ]);
  });

  it("flags the default *.cloudfront.net certificate, which accepts TLS 1.0", async () => {
    const found = await violations(policy, [res(DISTRIBUTION, "site", distribution({ viewerCertificate: { cloudfrontDefaultCertificate: true } }))]);
    expect(found).toEqual([expect.stringMatching(/^viewerCertificate\.cloudfrontDefaultCertificate is true: .* minimumProtocolVersion "TLSv1\.2_2021"\.$/)]);
  });
});

describe("aws-cloudfront-distribution-origin-tls", () => {
  const policy = "aws-cloudfront-distribution-origin-tls";

  it("passes an https-only custom origin, an S3 origin, and match-viewer when viewers always use HTTPS", async () => {
    const origins = [origin({ originProtocolPolicy: "https-only" }), origin(), { ...origin({ originProtocolPolicy: "match-viewer" }), originId: "mv" }];
    expect(await violations(policy, [res(DISTRIBUTION, "site", distribution({ origins }))])).toEqual([]);
  });

  it("flags an http-only origin, old origin SSL protocols, and match-viewer behind an allow-all behavior", async () => {
    const origins = [
      origin({ originProtocolPolicy: "http-only" }),
      { ...origin({ originProtocolPolicy: "match-viewer", originSslProtocols: ["TLSv1", "TLSv1.2"] }), originId: "legacy", domainName: "legacy.example.com" },
    ];
    const dist = distribution({ origins, defaultCacheBehavior: { ...distribution().defaultCacheBehavior, viewerProtocolPolicy: "allow-all" } });
    expect(await violations(policy, [res(DISTRIBUTION, "site", dist)])).toEqual([
      'origin api (api.example.com): originProtocolPolicy is "http-only": CloudFront reaches the origin over plain HTTP. Set it to "https-only".',
      'origin legacy (legacy.example.com): originProtocolPolicy is "match-viewer" and a cache behavior allows HTTP viewers, so those requests reach the origin over plain HTTP. Set it to "https-only".',
      'origin legacy (legacy.example.com): originSslProtocols allows TLSv1: keep only "TLSv1.2".',
    ]);
  });
});

describe("aws-cloudfront-distribution-waf", () => {
  const policy = "aws-cloudfront-distribution-waf";

  it("counts a web ACL ARN unknown during preview (created in the same update) as set", async () => {
    const result = await runPolicy(policy, [res(DISTRIBUTION, "site", distribution({ webAclId: unknown }))]);
    expect({ violations: result.violations, indeterminate: result.indeterminate }).toEqual({ violations: [], indeterminate: [] });
  });


  it("passes a distribution with a web ACL", async () => {
    expect(await violations(policy, [res(DISTRIBUTION, "site", distribution({ webAclId: "arn:aws:wafv2:us-east-1:1:global/webacl/edge/abc" }))])).toEqual([]);
  });

  it("flags a distribution without one", async () => {
    expect(await violations(policy, [res(DISTRIBUTION, "site", distribution())])).toEqual([
      'webAclId is not set: no AWS WAF web ACL filters requests to the distribution. Create an aws.wafv2.WebAcl with scope "CLOUDFRONT" and pass its arn as webAclId.',
    ]);
  });
});
