import { field, isRecord, type Peeked, UNKNOWN } from "../../lib/values";
import { oneOrMany } from "../../lib/many";

/** SSE algorithms that encrypt with a KMS key (plain and dual-layer). */
const KMS_ALGORITHMS = new Set(["aws:kms", "aws:kms:dsse"]);

/**
 * What is wrong with a list of `rules` of an S3 encryption configuration, or `undefined` when
 * every rule encrypts by default with a customer KMS key (or cannot be known yet). A KMS key id
 * that is unknown during preview counts as set: it is the output of a key created in the update.
 */
export function encryptionProblem(rules: Peeked<unknown[]>): string | undefined {
  if (rules === UNKNOWN) return undefined;
  const defaults: unknown[] = [];
  for (const rule of rules) {
    if (rule === UNKNOWN) return undefined;
    const d = oneOrMany(rule, "applyServerSideEncryptionByDefault", "applyServerSideEncryptionByDefaults");
    if (d === UNKNOWN) return undefined;
    defaults.push(...d);
  }
  if (defaults.length === 0) return "has no default encryption rule (applyServerSideEncryptionByDefault)";
  for (const d of defaults) {
    if (d === UNKNOWN || !isRecord(d)) continue;
    const algorithm = field(d, "sseAlgorithm");
    const key = field(d, "kmsMasterKeyId");
    if (algorithm === UNKNOWN) continue;
    if (typeof algorithm !== "string" || !KMS_ALGORITHMS.has(algorithm)) {
      return `encrypts with ${String(algorithm)} (S3-managed keys) instead of a customer KMS key (sseAlgorithm "aws:kms" with kmsMasterKeyId)`;
    }
    if (key !== UNKNOWN && (typeof key !== "string" || key === "")) {
      return `uses ${algorithm} without kmsMasterKeyId, i.e. the AWS-managed aws/s3 key, not a customer KMS key`;
    }
  }
  return undefined;
}

/** The encryption rules stated inline on a bucket, `undefined` when it states none. */
export function inlineRules(props: unknown): Peeked<unknown[]> | undefined {
  const configs = oneOrMany(props, "serverSideEncryptionConfiguration", "serverSideEncryptionConfigurations");
  if (configs === UNKNOWN) return UNKNOWN;
  if (configs.length === 0) return undefined;
  const rules: unknown[] = [];
  for (const c of configs) {
    if (c === UNKNOWN) return UNKNOWN;
    const r = oneOrMany(c, "rule", "rules");
    if (r === UNKNOWN) return UNKNOWN;
    rules.push(...r);
  }
  return rules;
}
