import type { ResourceValidation, ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { PUBLIC_PRINCIPALS } from "../iam/public-grants";

/** Predefined ACLs that give allUsers or allAuthenticatedUsers access. */
const PUBLIC_PREDEFINED_ACLS = new Set(["publicRead", "publicReadWrite", "authenticatedRead"]);

/** `"READER:allUsers"` → `allUsers` when the entity is public. */
const publicEntity = (roleEntity: string): string | undefined => {
  const entity = roleEntity.slice(roleEntity.indexOf(":") + 1);
  return PUBLIC_PRINCIPALS.includes(entity) ? entity : undefined;
};

const FIX = "grant access through IAM to specific principals, with uniform bucket-level access on";

/** One access-control entry resource (`entity` + `role`). */
const entityEntry = (token: string, what: string): ResourceValidation =>
  validateTypeToken<{ entity?: string; role?: string }>(token, (acl, _args, report) => {
    if (acl.entity && PUBLIC_PRINCIPALS.includes(acl.entity)) {
      report(`entity is ${acl.entity} (role ${acl.role ?? "unset"}): ${what} become public; ${FIX}.`);
    }
  });

/** A whole-ACL resource (`roleEntities`, `predefinedAcl`, `defaultAcl`). */
const aclList = (token: string, what: string): ResourceValidation =>
  validateTypeToken<{ roleEntities?: string[]; predefinedAcl?: string; defaultAcl?: string }>(token, (acl, _args, report) => {
    for (const roleEntity of acl.roleEntities ?? []) {
      const entity = publicEntity(roleEntity);
      if (entity) report(`roleEntities has "${roleEntity}": ${what} become public to ${entity}; ${FIX}.`);
    }
    for (const key of ["predefinedAcl", "defaultAcl"] as const) {
      const value = acl[key];
      if (value && PUBLIC_PREDEFINED_ACLS.has(value)) report(`${key} is "${value}": ${what} become public; ${FIX}.`);
    }
  });

/** No legacy ACL resource makes a bucket or its objects public. */
export const gcpStorageBucketAclNotPublic = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-storage-bucket-acl-not-public",
    description:
      "Cloud Storage ACL resources (BucketAccessControl, DefaultObjectAccessControl, ObjectAccessControl, BucketACL, " +
      "DefaultObjectACL, ObjectACL) must not name allUsers or allAuthenticatedUsers, nor use a public predefined ACL " +
      "(publicRead, publicReadWrite, authenticatedRead): the bucket or its objects would be readable by anyone.",
    validateResource: [
      entityEntry("gcp:storage/bucketAccessControl:BucketAccessControl", "the bucket's listing and metadata"),
      entityEntry("gcp:storage/defaultObjectAccessControl:DefaultObjectAccessControl", "new objects"),
      entityEntry("gcp:storage/objectAccessControl:ObjectAccessControl", "the object's contents"),
      aclList("gcp:storage/bucketACL:BucketACL", "the bucket (and, through defaultAcl, new objects)"),
      aclList("gcp:storage/defaultObjectACL:DefaultObjectACL", "new objects"),
      aclList("gcp:storage/objectACL:ObjectACL", "the object's contents"),
    ],
  },
  { vendor: "gcp", services: ["storage"], topics: ["access"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "critical" },
);
