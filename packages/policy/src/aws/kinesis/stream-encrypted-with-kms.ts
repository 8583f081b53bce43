import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { isSetOrPending } from "../../lib/values";
import { validateTypeToken } from "../../lib/type-token";

/** Kinesis streams use server-side encryption with KMS. */
export const awsKinesisStreamEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-kinesis-stream-encrypted-with-kms",
    description:
      "Kinesis data streams must set encryptionType \"KMS\" with a kmsKeyId: records are otherwise stored unencrypted for " +
      "the whole retention period.",
    validateResource: validateTypeToken<aws.kinesis.StreamArgs>("aws:kinesis/stream:Stream", (stream, _args, report) => {
      if (stream.encryptionType !== "KMS") report(`encryptionType is ${stream.encryptionType ?? "NONE (unset)"}, not "KMS".`);
      else if (!isSetOrPending(() => stream.kmsKeyId)) report("encryptionType is KMS but kmsKeyId is not set.");
    }),
  },
  { vendor: "aws", services: ["kinesis"], topics: ["encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
