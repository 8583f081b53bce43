import type * as aws from "@pulumi/aws";
import type { ReportViolation, ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** Canned ACLs that grant access to everyone or to every AWS account. */
const PUBLIC_CANNED_ACLS = new Set(["public-read", "public-read-write", "authenticated-read"]);
/** Grantee groups that mean "everyone" / "any AWS account". */
const PUBLIC_GROUPS = /\/groups\/global\/(AllUsers|AuthenticatedUsers)$/;

function checkAcl(acl: string | undefined, grantUris: (string | undefined)[], what: string, report: ReportViolation): void {
  if (acl && PUBLIC_CANNED_ACLS.has(acl)) report(`${what} uses the public canned ACL "${acl}".`);
  const publicGrant = grantUris.find((uri) => uri !== undefined && PUBLIC_GROUPS.test(uri));
  if (publicGrant) report(`${what} grants access to ${publicGrant}.`);
}

/** No S3 bucket ACL (inline on the bucket or as `aws.s3.BucketAcl[V2]`) is public. */
export const awsS3NoPublicAcl = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-s3-no-public-acl",
    description:
      "S3 buckets must not use a public ACL (public-read, public-read-write, authenticated-read, or a grant to the AllUsers " +
      "or AuthenticatedUsers groups), inline or through BucketAcl: a public ACL exposes every object to the internet.",
    validateResource: [
      validateTypeToken<aws.s3.BucketArgs>("aws:s3/bucket:Bucket", (bucket, _args, report) =>
        checkAcl(bucket.acl, (bucket.grants ?? []).map((g) => g.uri), "The bucket", report),
      ),
      validateTypeToken<aws.s3.BucketV2Args>("aws:s3/bucketV2:BucketV2", (bucket, _args, report) =>
        checkAcl(bucket.acl, (bucket.grants ?? []).map((g) => g.uri), "The bucket", report),
      ),
      validateTypeToken<aws.s3.BucketAclV2Args>("aws:s3/bucketAclV2:BucketAclV2", (acl, _args, report) =>
        checkAcl(acl.acl, (acl.accessControlPolicy?.grants ?? []).map((g) => g.grantee?.uri), "The bucket ACL", report),
      ),
      validateTypeToken<aws.s3.BucketAclArgs>("aws:s3/bucketAcl:BucketAcl", (acl, _args, report) =>
        checkAcl(acl.acl, (acl.accessControlPolicy?.grants ?? []).map((g) => g.grantee?.uri), "The bucket ACL", report),
      ),
    ],
  },
  { vendor: "aws", services: ["s3"], topics: ["access"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "critical" },
);
