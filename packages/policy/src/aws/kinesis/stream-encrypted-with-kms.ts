import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";

/** Kinesis streams use server-side encryption with KMS. */
export const awsKinesisStreamEncryptedWithKms: ResourceValidationPolicy = {
  name: "aws-kinesis-stream-encrypted-with-kms",
  description:
    "Kinesis data streams must set encryptionType \"KMS\" with a kmsKeyId: records are otherwise stored unencrypted for " +
    "the whole retention period.",
  validateResource: validateResourceOfType(aws.kinesis.Stream, (stream, _args, report) => {
    if (stream.encryptionType !== "KMS") report(`encryptionType is ${stream.encryptionType ?? "NONE (unset)"}, not "KMS".`);
    else if (!stream.kmsKeyId) report("encryptionType is KMS but kmsKeyId is not set.");
  }),
};
