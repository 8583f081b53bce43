import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** Key specs that AWS can rotate automatically (symmetric encryption keys only). */
const ROTATABLE_SPECS = new Set(["SYMMETRIC_DEFAULT"]);

/** Customer-managed symmetric KMS keys rotate their key material every year (or sooner). */
export const awsKmsKeyRotationEnabled = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-kms-key-rotation-enabled",
    description:
      "Customer-managed symmetric KMS keys must have enableKeyRotation true, so a leaked or over-used key version stops " +
      "protecting new data after at most a year. Asymmetric and HMAC keys cannot rotate and are not checked.",
    validateResource: validateTypeToken<aws.kms.KeyArgs>("aws:kms/key:Key", (key, args, report) => {
      const spec = key.customerMasterKeySpec ?? "SYMMETRIC_DEFAULT";
      if (!ROTATABLE_SPECS.has(spec)) args.notApplicable(`a ${spec} key cannot rotate automatically`);
      if (key.enableKeyRotation !== true) report("enableKeyRotation is not true.");
    }),
  },
  { vendor: "aws", services: ["kms"], topics: ["encryption"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "medium" },
);
