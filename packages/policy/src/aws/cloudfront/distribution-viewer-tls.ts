import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** Viewer security policies with TLS 1.2 as the minimum and modern ciphers (TLSv1.2_2019 and later, TLSv1.3). */
const MODERN_VIEWER_POLICY = /^TLSv1\.(2_20(19|2\d)|3_\d{4})$/;

/**
 * CloudFront serves viewers over TLS 1.2+ only: no cache behavior (default or ordered) with
 * `viewerProtocolPolicy` "allow-all", and `viewerCertificate.minimumProtocolVersion`
 * TLSv1.2_2019 or newer. The default *.cloudfront.net certificate
 * (`cloudfrontDefaultCertificate`) always accepts TLS 1.0, so it fails too.
 */
export const awsCloudfrontDistributionViewerTls = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-cloudfront-distribution-viewer-tls",
    description:
      'CloudFront distributions must serve viewers over TLS 1.2+ only: viewerProtocolPolicy "redirect-to-https" or "https-only" ' +
      "on every cache behavior, and a certificate of our own with minimumProtocolVersion TLSv1.2_2021 (the default " +
      "*.cloudfront.net certificate accepts TLS 1.0).",
    validateResource: validateTypeToken<aws.cloudfront.DistributionArgs>("aws:cloudfront/distribution:Distribution", (dist, _args, report) => {
      const behaviors = [
        { where: "defaultCacheBehavior", policy: dist.defaultCacheBehavior.viewerProtocolPolicy },
        ...(dist.orderedCacheBehaviors ?? []).map((b, i) => ({ where: `orderedCacheBehaviors[${i}] (${b.pathPattern})`, policy: b.viewerProtocolPolicy })),
      ];
      for (const { where, policy } of behaviors) {
        if (policy === "allow-all") report(`${where}.viewerProtocolPolicy is "allow-all": viewers can use plain HTTP. Set it to "redirect-to-https" or "https-only".`);
      }
      const cert = dist.viewerCertificate;
      if (cert.cloudfrontDefaultCertificate === true) {
        report(
          "viewerCertificate.cloudfrontDefaultCertificate is true: the *.cloudfront.net certificate accepts TLS 1.0 and 1.1. Use an ACM " +
            'certificate (acmCertificateArn, sslSupportMethod "sni-only") with minimumProtocolVersion "TLSv1.2_2021".',
        );
      } else if (!cert.minimumProtocolVersion || !MODERN_VIEWER_POLICY.test(cert.minimumProtocolVersion)) {
        report(
          `viewerCertificate.minimumProtocolVersion is ${cert.minimumProtocolVersion ? `"${cert.minimumProtocolVersion}"` : "not set (TLSv1)"}, ` +
            'which accepts TLS older than 1.2 or weak ciphers: set it to "TLSv1.2_2021".',
        );
      }
    }),
  },
  { vendor: "aws", services: ["cloudfront"], topics: ["encryption", "network"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "critical" },
);
