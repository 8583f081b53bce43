import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { isSetOrPending } from "../../lib/values";
import { validateTypeToken } from "../../lib/type-token";

/** EFS file systems are encrypted at rest with a customer-managed KMS key. */
export const awsEfsFileSystemEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-efs-file-system-encrypted-with-kms",
    description:
      "EFS file systems must set encrypted true with a customer-managed kmsKeyId: the API default is unencrypted, and without " +
      "kmsKeyId EFS uses the AWS-managed aws/elasticfilesystem key.",
    validateResource: validateTypeToken<aws.efs.FileSystemArgs>("aws:efs/fileSystem:FileSystem", (fs, _args, report) => {
      if (fs.encrypted !== true) report("encrypted is not true: the file system is stored unencrypted. Set encrypted true with kmsKeyId.");
      else if (!isSetOrPending(() => fs.kmsKeyId)) report("kmsKeyId is not set: the file system is encrypted with the AWS-managed aws/elasticfilesystem key. Set kmsKeyId to a customer-managed key.");
    }),
  },
  { vendor: "aws", services: ["efs"], topics: ["encryption"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "high" },
);
