import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

interface CacheBehavior {
  pathPattern?: string;
  viewerProtocolPolicy?: string;
}

interface NativeDistribution {
  distributionConfig?: {
    defaultCacheBehavior?: CacheBehavior;
    cacheBehaviors?: CacheBehavior[];
    viewerCertificate?: { cloudFrontDefaultCertificate?: boolean; minimumProtocolVersion?: string };
    origins?: { id?: string; customOriginConfig?: { originProtocolPolicy?: string; originSslProtocols?: string[] } }[];
  };
}

/** Viewer protocol minimums that refuse TLS 1.0 and 1.1. */
const MODERN_VIEWER_PROTOCOLS = new Set(["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"]);

/**
 * aws-native CloudFront distributions use TLS to viewers (no allow-all behaviour; a TLS 1.2+
 * minimum on a custom certificate) and to custom origins (https-only, TLS 1.2 only).
 */
export const awsNativeCloudfrontDistributionTls = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-cloudfront-distribution-tls",
    description:
      "aws-native CloudFront distributions must use TLS end to end: every cache behaviour's viewerProtocolPolicy " +
      "redirect-to-https or https-only, a custom viewerCertificate with minimumProtocolVersion TLSv1.2_2021 or newer, and " +
      'custom origins with originProtocolPolicy "https-only" and originSslProtocols ["TLSv1.2"].',
    validateResource: validateTypeToken<NativeDistribution>("aws-native:cloudfront:Distribution", (distribution, _args, report) => {
      const config = distribution.distributionConfig;
      const behaviors: [string, CacheBehavior | undefined][] = [
        ["defaultCacheBehavior", config?.defaultCacheBehavior],
        ...(config?.cacheBehaviors ?? []).map((b, i): [string, CacheBehavior] => [`cacheBehaviors[${i}] (${b.pathPattern ?? "?"})`, b]),
      ];
      for (const [where, behavior] of behaviors) {
        if (behavior?.viewerProtocolPolicy === "allow-all") report(`${where}.viewerProtocolPolicy is allow-all: viewers can use plain HTTP; set redirect-to-https.`);
      }
      const certificate = config?.viewerCertificate;
      if (!certificate || certificate.cloudFrontDefaultCertificate === true) {
        report("viewerCertificate is the CloudFront default certificate, which accepts TLS 1.0: use an ACM certificate with minimumProtocolVersion TLSv1.2_2021.");
      } else if (!certificate.minimumProtocolVersion || !MODERN_VIEWER_PROTOCOLS.has(certificate.minimumProtocolVersion)) {
        report(`viewerCertificate.minimumProtocolVersion is ${certificate.minimumProtocolVersion ?? "unset (TLSv1)"}: set TLSv1.2_2021.`);
      }
      (config?.origins ?? []).forEach((origin, i) => {
        const custom = origin.customOriginConfig;
        if (!custom) return;
        const where = `origins[${i}] (${origin.id ?? "?"})`;
        if (custom.originProtocolPolicy !== "https-only") {
          report(`${where}.customOriginConfig.originProtocolPolicy is ${custom.originProtocolPolicy ?? "unset"}: CloudFront may reach the origin over HTTP; set https-only.`);
        }
        const old = (custom.originSslProtocols ?? []).filter((p) => p !== "TLSv1.2");
        if (old.length > 0) report(`${where}.customOriginConfig.originSslProtocols allows ${old.join(", ")}: keep TLSv1.2 only.`);
      });
    }),
  },
  { vendor: "aws-native", services: ["cloudfront"], topics: ["encryption", "network"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
