import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const distribution = (config: Record<string, unknown>) =>
  res("aws-native:cloudfront:Distribution", "cdn", {
    distributionConfig: {
      enabled: true,
      defaultCacheBehavior: { targetOriginId: "api", viewerProtocolPolicy: "redirect-to-https" },
      viewerCertificate: { acmCertificateArn: "arn:acm", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
      origins: [{ id: "api", domainName: "api.example.com", customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] } }],
      ...config,
    },
  });

describe("aws-native-cloudfront-distribution-tls", () => {
  const policy = "aws-native-cloudfront-distribution-tls";

  it("passes TLS to viewers and origins", async () => {
    expect(await violations(policy, [distribution({})])).toEqual([]);
  });

  it("flags allow-all behaviours, the default certificate and plaintext or old-TLS origins", async () => {
    expect(
      await violations(policy, [
        distribution({
          cacheBehaviors: [{ pathPattern: "/static/*", targetOriginId: "api", viewerProtocolPolicy: "allow-all" }],
          viewerCertificate: { cloudFrontDefaultCertificate: true },
          origins: [{ id: "api", domainName: "a", customOriginConfig: { originProtocolPolicy: "match-viewer", originSslProtocols: ["TLSv1", "TLSv1.2"] } }],
        }),
      ]),
    ).toEqual([
      "cacheBehaviors[0] (/static/*).viewerProtocolPolicy is allow-all: viewers can use plain HTTP; set redirect-to-https.",
      "viewerCertificate is the CloudFront default certificate, which accepts TLS 1.0: use an ACM certificate with minimumProtocolVersion TLSv1.2_2021.",
      "origins[0] (api).customOriginConfig.originProtocolPolicy is match-viewer: CloudFront may reach the origin over HTTP; set https-only.",
      "origins[0] (api).customOriginConfig.originSslProtocols allows TLSv1: keep TLSv1.2 only.",
    ]);
    expect(await violations(policy, [distribution({ viewerCertificate: { acmCertificateArn: "arn:acm", minimumProtocolVersion: "TLSv1.1_2016" } })])).toEqual([
      "viewerCertificate.minimumProtocolVersion is TLSv1.1_2016: set TLSv1.2_2021.",
    ]);
  });
});
