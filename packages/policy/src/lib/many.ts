import { elements, field, type Peeked, UNKNOWN } from "./values";

/**
 * The values of a block that providers spell either as one object (`rule`) or as a list
 * (`rules`), e.g. S3 encryption on `aws.s3.Bucket` (v7: one `rule`) and on the deprecated
 * `aws.s3.BucketV2` (lists). Returns {@link UNKNOWN} when the block itself is unknown, `[]`
 * when it is absent.
 */
export function oneOrMany(parent: unknown, singular: string, plural: string): Peeked<unknown[]> {
  const found: unknown[] = [];
  for (const key of [singular, plural]) {
    const value = field(parent, key);
    if (value === UNKNOWN) return UNKNOWN;
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) found.push(...elements(value));
    else found.push(value);
  }
  return found;
}
