import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { publicAllowStatements } from "./policy-document";
import type { NativeBucket } from "./bucket";

const FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;
const PUBLIC_ACLS = new Set(["PublicRead", "PublicReadWrite", "AuthenticatedRead"]);

/**
 * aws-native S3 buckets cannot be made public: all four public access block flags true, no
 * public canned ACL, and no bucket policy that allows Principal "*" without a condition.
 */
export const awsNativeS3NoPublicAccess = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-s3-no-public-access",
    description:
      "aws-native S3 buckets must set publicAccessBlockConfiguration with blockPublicAcls, blockPublicPolicy, " +
      "ignorePublicAcls and restrictPublicBuckets all true, must not use a public accessControl (PublicRead, " +
      'PublicReadWrite, AuthenticatedRead), and BucketPolicy documents must not Allow Principal "*" without a Condition.',
    validateResource: [
      validateTypeToken<NativeBucket>("aws-native:s3:Bucket", (bucket, _args, report) => {
        const block = bucket.publicAccessBlockConfiguration;
        const off = FLAGS.filter((flag) => block?.[flag] !== true);
        if (off.length > 0) report(`publicAccessBlockConfiguration does not set ${off.join(", ")} to true: set all four so no ACL or policy can make objects public.`);
        if (bucket.accessControl && PUBLIC_ACLS.has(bucket.accessControl)) {
          report(`accessControl is ${bucket.accessControl}: the bucket is readable by anyone; remove it (the default is Private).`);
        }
      }),
      validateTypeToken<{ policyDocument?: unknown }>("aws-native:s3:BucketPolicy", (policy, _args, report) => {
        const statements = publicAllowStatements(policy.policyDocument);
        if (statements === undefined) {
          report("policyDocument is text that is not JSON, so it cannot be checked: pass the document as an object.");
          return;
        }
        for (const statement of statements) {
          report(`policyDocument ${statement} allows Principal "*" without a Condition: anyone can use it; name the principals or add a Condition (aws:PrincipalOrgID, aws:SourceVpce).`);
        }
      }),
    ],
  },
  { vendor: "aws-native", services: ["s3"], topics: ["access", "network"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "critical" },
);
