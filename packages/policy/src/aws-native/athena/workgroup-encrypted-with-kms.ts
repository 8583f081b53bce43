import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { isSetOrPending } from "../../lib/values";

interface NativeWorkGroup {
  workGroupConfiguration?: {
    enforceWorkGroupConfiguration?: boolean;
    resultConfiguration?: { encryptionConfiguration?: { encryptionOption?: string; kmsKey?: string } };
  };
}

/** Athena encryption options that use a KMS key. */
const KMS_OPTIONS = new Set(["SSE_KMS", "CSE_KMS"]);
const WHERE = "workGroupConfiguration.resultConfiguration.encryptionConfiguration";

/** aws-native Athena workgroups encrypt query results with a customer KMS key and enforce it. */
export const awsNativeAthenaWorkgroupEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-athena-workgroup-encrypted-with-kms",
    description:
      "aws-native Athena workgroups must encrypt query results with a customer-managed KMS key (encryptionOption SSE_KMS or " +
      "CSE_KMS with kmsKey) and enforce their configuration: query results often copy the data they query.",
    validateResource: validateTypeToken<NativeWorkGroup>("aws-native:athena:WorkGroup", (group, _args, report) => {
      const config = group.workGroupConfiguration;
      const encryption = config?.resultConfiguration?.encryptionConfiguration;
      if (!encryption) report(`${WHERE} is not set: query results are written to S3 unencrypted. Set encryptionOption "SSE_KMS" with kmsKey.`);
      else if (!encryption.encryptionOption || !KMS_OPTIONS.has(encryption.encryptionOption)) {
        report(`${WHERE}.encryptionOption is "${encryption.encryptionOption ?? "unset"}", not a KMS option: set "SSE_KMS" with a customer-managed kmsKey.`);
      } else if (!isSetOrPending(() => encryption.kmsKey)) report(`${WHERE}.kmsKey is not set: results use the AWS-managed aws/s3 key; name a customer-managed key.`);
      if (config?.enforceWorkGroupConfiguration === false) {
        report("workGroupConfiguration.enforceWorkGroupConfiguration is false: clients can override the encryption settings. Remove it (the default is true).");
      }
    }),
  },
  { vendor: "aws-native", services: ["athena"], topics: ["encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
