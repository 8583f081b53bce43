import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { isSetOrPending } from "../../lib/values";
import { validateTypeToken } from "../../lib/type-token";

/** Athena encryption options that use a KMS key (server-side or client-side). */
const KMS_OPTIONS = new Set(["SSE_KMS", "CSE_KMS"]);

/** What is wrong with an encryption configuration, or `undefined`; `key` names the key input in messages. */
function problem(where: string, config: { encryptionOption?: string } | undefined, keyInput: string, key: () => unknown): string | undefined {
  if (config === undefined) return `${where} is not set: query results are written to S3 unencrypted. Set encryptionOption "SSE_KMS" with ${keyInput}.`;
  const option = config.encryptionOption;
  if (option === undefined || !KMS_OPTIONS.has(option)) {
    return `${where}.encryptionOption is "${option ?? "unset"}", not a KMS option: set "SSE_KMS" (or "CSE_KMS") with ${keyInput} to a customer-managed key.`;
  }
  return isSetOrPending(key) ? undefined : `${where}.${keyInput} is not set: query results are encrypted with the AWS-managed aws/s3 key, not a customer-managed key.`;
}

/**
 * Athena query results are encrypted with a customer-managed KMS key: `aws.athena.Workgroup`
 * `configuration.resultConfiguration.encryptionConfiguration` (SSE_KMS or CSE_KMS with
 * kmsKeyArn) and `enforceWorkgroupConfiguration` not false (else clients override it);
 * `aws.athena.Database` `encryptionConfiguration` (with kmsKey).
 */
export const awsAthenaEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-athena-encrypted-with-kms",
    description:
      "Athena workgroups and databases must encrypt query results with a customer-managed KMS key (encryptionOption SSE_KMS or " +
      "CSE_KMS with a key), and workgroups must enforce their configuration: query results often copy the data they query.",
    validateResource: [
      validateTypeToken<aws.athena.WorkgroupArgs>("aws:athena/workgroup:Workgroup", (group, _args, report) => {
        const config = group.configuration?.resultConfiguration?.encryptionConfiguration;
        const found = problem("configuration.resultConfiguration.encryptionConfiguration", config, "kmsKeyArn", () => config?.kmsKeyArn);
        if (found) report(found);
        if (group.configuration?.enforceWorkgroupConfiguration === false) {
          report("configuration.enforceWorkgroupConfiguration is false: clients can override the workgroup's encryption settings. Remove it (the default is true).");
        }
      }),
      validateTypeToken<aws.athena.DatabaseArgs>("aws:athena/database:Database", (db, _args, report) => {
        const found = problem("encryptionConfiguration", db.encryptionConfiguration, "kmsKey", () => db.encryptionConfiguration?.kmsKey);
        if (found) report(found);
      }),
    ],
  },
  { vendor: "aws", services: ["athena"], topics: ["encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
