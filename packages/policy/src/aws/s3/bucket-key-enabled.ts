import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { idsOf, refersTo } from "../../lib/graph";
import { oneOrMany } from "../../lib/many";
import { definePolicy } from "../../lib/registry";
import { field, type Peeked, UNKNOWN } from "../../lib/values";
import { inlineRules } from "./encryption";

const isBucket = (r: PolicyResource) => r.type === "aws:s3/bucket:Bucket" || r.type === "aws:s3/bucketV2:BucketV2";
const isSseConfiguration = (r: PolicyResource) =>
  r.type === "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration" ||
  r.type === "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";

/** The indexes of `rules` that encrypt with SSE-KMS but leave the bucket key off (unknown values are skipped). */
function rulesWithoutBucketKey(rules: Peeked<unknown[]>): number[] {
  if (rules === UNKNOWN) return [];
  return rules.flatMap((rule, i) => {
    const defaults = oneOrMany(rule, "applyServerSideEncryptionByDefault", "applyServerSideEncryptionByDefaults");
    if (defaults === UNKNOWN) return [];
    const kms = defaults.some((d) => field(d, "sseAlgorithm") === "aws:kms");
    const key = field(rule, "bucketKeyEnabled");
    return kms && key !== UNKNOWN && key !== true ? [i] : [];
  });
}

const message = (what: string, indexes: number[]) =>
  `${what} encrypts with SSE-KMS but rule${indexes.length > 1 ? "s" : ""} ${indexes.join(", ")} leave${indexes.length > 1 ? "" : "s"} ` +
  "bucketKeyEnabled off: every object request calls KMS (cost, throttling, a CloudTrail event per object). Set bucketKeyEnabled true.";

/**
 * SSE-KMS bucket encryption uses an S3 Bucket Key (`rule.bucketKeyEnabled` true), on a
 * standalone `BucketServerSideEncryptionConfiguration[V2]` or inline on the bucket. Rules with
 * another algorithm (AES256, dual-layer aws:kms:dsse, which has no bucket key) are not judged
 * here; a bucket without encryption is aws-s3-bucket-encrypted-with-kms's.
 */
export const awsS3BucketKeyEnabled = definePolicy<StackValidationPolicy>(
  {
    name: "aws-s3-bucket-key-enabled",
    description:
      'S3 encryption rules with sseAlgorithm "aws:kms" must set bucketKeyEnabled true: without a bucket key S3 calls KMS for ' +
      "every object, which costs money, hits KMS request quotas and floods CloudTrail.",
    validateStack: (args, reportViolation) => {
      const configurations = args.resources.filter(isSseConfiguration);
      for (const sse of configurations) {
        const off = rulesWithoutBucketKey(oneOrMany(sse.props, "rule", "rules"));
        if (off.length > 0) reportViolation(message(`Encryption configuration ${sse.name}`, off), sse.urn);
      }
      for (const bucket of args.resources.filter(isBucket)) {
        const ids = idsOf(bucket, "bucket", "id");
        if (configurations.some((sse) => refersTo(sse, "bucket", bucket, ids))) continue;
        const inline = inlineRules(bucket.props);
        const off = inline === undefined ? [] : rulesWithoutBucketKey(inline);
        if (off.length > 0) reportViolation(message(`Bucket ${bucket.name}`, off), bucket.urn);
      }
    },
  },
  { vendor: "aws", services: ["s3"], topics: ["encryption"], frameworks: ["iso27001", "pcidss"], severity: "medium" },
);
