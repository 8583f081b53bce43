import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";

/** Key specs that AWS can rotate automatically (symmetric encryption keys only). */
const ROTATABLE_SPECS = new Set(["SYMMETRIC_DEFAULT"]);

/** Customer-managed symmetric KMS keys rotate their key material every year (or sooner). */
export const awsKmsKeyRotationEnabled: ResourceValidationPolicy = {
  name: "aws-kms-key-rotation-enabled",
  description:
    "Customer-managed symmetric KMS keys must have enableKeyRotation true, so a leaked or over-used key version stops " +
    "protecting new data after at most a year. Asymmetric and HMAC keys cannot rotate and are not checked.",
  validateResource: validateResourceOfType(aws.kms.Key, (key, args, report) => {
    const spec = key.customerMasterKeySpec ?? "SYMMETRIC_DEFAULT";
    if (!ROTATABLE_SPECS.has(spec)) args.notApplicable(`a ${spec} key cannot rotate automatically`);
    if (key.enableKeyRotation !== true) report("enableKeyRotation is not true.");
  }),
};
