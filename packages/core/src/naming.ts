/**
 * Physical names for resources whose name must be set by hand (Kubernetes objects, Cloud SQL
 * instances): lowercase, `-` separated, cut to the service's limit. Cloud resources that
 * Pulumi can auto-name (S3 buckets, RDS instances) are left to auto-naming instead.
 */
export function physicalName(parts: readonly string[], maxLength = 63): string {
  const joined = parts
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
  const cut = joined.slice(0, maxLength).replace(/-$/g, "");
  if (!/^[a-z]/.test(cut)) return `r-${cut}`.slice(0, maxLength);
  return cut;
}
