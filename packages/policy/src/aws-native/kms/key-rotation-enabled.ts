import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** aws-native symmetric encryption KMS keys rotate automatically. */
export const awsNativeKmsKeyRotationEnabled = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-kms-key-rotation-enabled",
    description:
      "aws-native KMS keys that are symmetric encryption keys (keySpec SYMMETRIC_DEFAULT, the default, with keyUsage " +
      "ENCRYPT_DECRYPT and AWS_KMS origin) must set enableKeyRotation true; asymmetric, HMAC and imported keys cannot rotate.",
    validateResource: validateTypeToken<{ keySpec?: string; keyUsage?: string; origin?: string; enableKeyRotation?: boolean }>(
      "aws-native:kms:Key",
      (key, args, report) => {
        const spec = key.keySpec ?? "SYMMETRIC_DEFAULT";
        if (spec !== "SYMMETRIC_DEFAULT" || (key.keyUsage ?? "ENCRYPT_DECRYPT") !== "ENCRYPT_DECRYPT" || (key.origin ?? "AWS_KMS") !== "AWS_KMS") {
          args.notApplicable(`a ${spec} ${key.keyUsage ?? ""} key from ${key.origin ?? "AWS_KMS"} cannot rotate automatically`);
        }
        if (key.enableKeyRotation !== true) report("enableKeyRotation is not true: the key material never changes. Set it (yearly rotation, or rotationPeriodInDays).");
      },
    ),
  },
  { vendor: "aws-native", services: ["kms"], topics: ["encryption"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "medium" },
);
