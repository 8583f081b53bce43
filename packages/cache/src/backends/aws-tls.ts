// No SDK import: the index re-exports this, and loading it must not load @pulumi/aws.

/**
 * Whether ElastiCache accepts `transitEncryptionMode` for a Redis OSS version: only from 7.0.5
 * on. A major.minor version resolves to that line's newest patch ("7.0" runs 7.0.7), so every
 * 7.x qualifies; 6.x does not (its TLS is fixed at creation, there is no mode to migrate with).
 */
export function supportsTransitEncryptionMode(engineVersion: string): boolean {
  const [major = 0, minor = 0, patch] = engineVersion.split(".").map(Number);
  if (major !== 7) return major > 7;
  return minor > 0 || patch === undefined || patch >= 5;
}
