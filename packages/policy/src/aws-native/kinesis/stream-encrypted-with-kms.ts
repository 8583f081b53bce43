import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** The AWS-managed Kinesis key alias (encryption, but not under a key policy we own). */
const AWS_MANAGED_KEY = "alias/aws/kinesis";

/** aws-native Kinesis streams encrypt with a customer KMS key. */
export const awsNativeKinesisStreamEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-kinesis-stream-encrypted-with-kms",
    description:
      'aws-native Kinesis streams must set streamEncryption with encryptionType "KMS" and a customer-managed keyId (not ' +
      "alias/aws/kinesis): records are otherwise stored unencrypted for the whole retention period.",
    validateResource: validateTypeToken<{ streamEncryption?: { encryptionType?: string; keyId?: string } }>("aws-native:kinesis:Stream", (stream, _args, report) => {
      const encryption = stream.streamEncryption;
      if (encryption?.encryptionType !== "KMS") report("streamEncryption is not set with encryptionType KMS: records are stored unencrypted. Set it with a customer-managed keyId.");
      else if (!encryption.keyId || encryption.keyId === AWS_MANAGED_KEY) {
        report(`streamEncryption.keyId is ${encryption.keyId ?? "unset"}: name a customer-managed key, not the AWS-managed ${AWS_MANAGED_KEY}.`);
      }
    }),
  },
  { vendor: "aws-native", services: ["kinesis"], topics: ["encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
