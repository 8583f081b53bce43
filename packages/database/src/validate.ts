import type * as pulumi from "@pulumi/pulumi";
import { BACKENDS, TIERS, invalidArg, requirePlacement } from "@mlops/core";
import { SUPPORTED_MAJOR_VERSIONS } from "./defaults";
import type { DatabaseArgs } from "./types";

/** Lowercase PostgreSQL identifier that needs no quoting, at most 63 characters. */
export const IDENTIFIER_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;
/** Role names the engines or the managed services keep for themselves (plus the `pg_` prefix). */
export const RESERVED_USERNAMES = ["postgres", "rdsadmin", "admin", "rds_superuser", "cloudsqladmin", "cloudsqlsuperuser"];
/** Databases that already exist on every PostgreSQL server. */
export const RESERVED_DATABASE_NAMES = ["postgres", "template0", "template1", "rdsadmin", "cloudsqladmin"];
/** gp3 needs 20 GiB on RDS; RDS and Cloud SQL stop at 64 TiB. */
export const MIN_SIZE_GB = 20;
/** Largest volume RDS gp3 allows (64 TiB). */
export const MAX_SIZE_GB = 65536;

const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(", ");
const isIntIn = (v: number, min: number, max: number) => Number.isInteger(v) && v >= min && v <= max;
const printable = (v: unknown) => (typeof v === "string" ? v : "<output>");

/**
 * Throws a ResourceError (naming the input, its value and what is allowed) for the first bad arg.
 * Runs before {@link withDefaults}, so it checks only what the caller set, plus `sizeGb` against the
 * `maxSizeGb` when both are set (an unset ceiling follows the size).
 */
export function validateArgs(component: pulumi.Resource, args: DatabaseArgs): void {
  if (!BACKENDS.includes(args.backend)) invalidArg(component, "backend", args.backend, `use one of ${quoted(BACKENDS)}`);
  if (!TIERS.includes(args.tier)) invalidArg(component, "tier", args.tier, `use one of ${quoted(TIERS)}`);
  const placement = requirePlacement(component, args.placement, args.backend);
  const { engineVersion, databaseName, username, sizeGb, maxSizeGb, backupRetentionDays, instanceClass } = args;
  if (engineVersion !== undefined && !(SUPPORTED_MAJOR_VERSIONS as readonly string[]).includes(engineVersion)) {
    invalidArg(component, "engineVersion", engineVersion, `use a supported PostgreSQL major version: ${quoted(SUPPORTED_MAJOR_VERSIONS)}`);
  }
  if (databaseName !== undefined && (!IDENTIFIER_PATTERN.test(databaseName) || RESERVED_DATABASE_NAMES.includes(databaseName))) {
    invalidArg(component, "databaseName", databaseName, `use a name matching ${IDENTIFIER_PATTERN.source}, not one of ${RESERVED_DATABASE_NAMES.join(", ")}`);
  }
  if (username !== undefined && (!IDENTIFIER_PATTERN.test(username) || RESERVED_USERNAMES.includes(username) || username.startsWith("pg_"))) {
    invalidArg(component, "username", username, `use a name matching ${IDENTIFIER_PATTERN.source}, not one of ${RESERVED_USERNAMES.join(", ")} nor starting with pg_`);
  }
  if (maxSizeGb !== undefined && !isIntIn(maxSizeGb, MIN_SIZE_GB, MAX_SIZE_GB)) {
    invalidArg(component, "maxSizeGb", maxSizeGb, `use an integer from ${MIN_SIZE_GB} to ${MAX_SIZE_GB} (GiB)`);
  }
  const ceiling = maxSizeGb ?? MAX_SIZE_GB;
  if (sizeGb !== undefined && !isIntIn(sizeGb, MIN_SIZE_GB, ceiling)) {
    invalidArg(component, "sizeGb", sizeGb, `use an integer from ${MIN_SIZE_GB} (the gp3 minimum) to ${maxSizeGb !== undefined ? `maxSizeGb (${ceiling})` : ceiling}`);
  }
  if (backupRetentionDays !== undefined && !isIntIn(backupRetentionDays, 1, 35)) {
    invalidArg(component, "backupRetentionDays", backupRetentionDays, "use an integer from 1 to 35 (0 would disable backups)");
  }
  if (instanceClass !== undefined && args.backend === "aws" && !/^db\.[a-z0-9-]+\.[a-z0-9]+$/.test(instanceClass)) {
    invalidArg(component, "instanceClass", instanceClass, 'use an RDS instance class such as "db.t3.medium"');
  }
  if (instanceClass !== undefined && args.backend === "gcp" && !/^db-[a-z0-9-]+$/.test(instanceClass)) {
    invalidArg(component, "instanceClass", instanceClass, 'use a Cloud SQL machine tier such as "db-custom-2-7680"');
  }
  if (args.backend === "aws") validateAwsPlacement(component, placement as NonNullable<DatabaseArgs["placement"]["aws"]>);
}

const OPEN_CIDR_HINT = "list the private CIDR blocks that may reach PostgreSQL (e.g. the VPC CIDR), never 0.0.0.0/0 or ::/0";

function validateAwsPlacement(component: pulumi.Resource, aws: NonNullable<DatabaseArgs["placement"]["aws"]>): void {
  if (aws.allowedCidrBlocks.length === 0) invalidArg(component, "placement.aws.allowedCidrBlocks", [], OPEN_CIDR_HINT);
  for (const cidr of aws.allowedCidrBlocks) {
    if (cidr === "0.0.0.0/0" || cidr === "::/0") {
      invalidArg(component, "placement.aws.allowedCidrBlocks", cidr, OPEN_CIDR_HINT);
    }
  }
  if (Array.isArray(aws.subnetIds) && aws.subnetIds.length < 2) {
    invalidArg(component, "placement.aws.subnetIds", aws.subnetIds.map(printable), "use at least 2 private subnets in different availability zones");
  }
}
