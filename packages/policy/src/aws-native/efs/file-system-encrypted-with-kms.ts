import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { isSetOrPending } from "../../lib/values";

/** aws-native EFS file systems encrypt with a customer KMS key. */
export const awsNativeEfsFileSystemEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-efs-file-system-encrypted-with-kms",
    description:
      "aws-native EFS file systems must set encrypted true with a customer-managed kmsKeyId: shared volumes hold datasets " +
      "and model artifacts, and encryption cannot be turned on after creation.",
    validateResource: validateTypeToken<{ encrypted?: boolean; kmsKeyId?: string }>("aws-native:efs:FileSystem", (fs, _args, report) => {
      if (fs.encrypted !== true) report("encrypted is not true: the file system is unencrypted, and cannot be encrypted later. Set it with a kmsKeyId.");
      else if (!isSetOrPending(() => fs.kmsKeyId)) report("kmsKeyId is not set: the file system uses the AWS-managed aws/elasticfilesystem key; name a customer-managed key.");
    }),
  },
  { vendor: "aws-native", services: ["efs"], topics: ["encryption"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
