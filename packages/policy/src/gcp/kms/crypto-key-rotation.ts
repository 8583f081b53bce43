import type * as gcp from "@pulumi/gcp";
import { validateTypeToken } from "../../lib/type-token";
import { type ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";

/** Default longest rotation period, in days. */
export const DEFAULT_MAX_ROTATION_DAYS = 90;

/** Parses a Cloud KMS duration (`"7776000s"`, `"7776000.5s"`) into seconds; `undefined` if malformed. */
export function durationSeconds(duration: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)s$/.exec(duration.trim());
  return match ? Number(match[1]) : undefined;
}

/** Configuration of {@link gcpKmsCryptoKeyRotation}. */
export interface CryptoKeyRotationConfig {
  /** Longest allowed `rotationPeriod`, in days. Default: 90. */
  maxRotationDays?: number;
}

/** Cloud KMS symmetric keys rotate at least every 90 days (configurable). */
export const gcpKmsCryptoKeyRotation = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-kms-crypto-key-rotation",
    description:
      "Cloud KMS encryption keys (purpose ENCRYPT_DECRYPT) must set rotationPeriod to at most 90 days (config " +
      "maxRotationDays), so a compromised key version protects little data. Asymmetric and MAC keys cannot rotate automatically.",
    configSchema: { properties: { maxRotationDays: { type: "integer", minimum: 1, default: DEFAULT_MAX_ROTATION_DAYS } } },
    validateResource: validateTypeToken<gcp.kms.CryptoKeyArgs>("gcp:kms/cryptoKey:CryptoKey", (key, args, report) => {
      const purpose = key.purpose ?? "ENCRYPT_DECRYPT";
      if (purpose !== "ENCRYPT_DECRYPT") args.notApplicable(`a ${purpose} key cannot rotate automatically`);
      const maxDays = args.getConfig<CryptoKeyRotationConfig>().maxRotationDays ?? DEFAULT_MAX_ROTATION_DAYS;
      if (!key.rotationPeriod) {
        report("rotationPeriod is not set: the key never rotates.");
        return;
      }
      const seconds = durationSeconds(key.rotationPeriod);
      if (seconds === undefined) report(`rotationPeriod "${key.rotationPeriod}" is not a duration in seconds ("7776000s").`);
      else if (seconds > maxDays * 86400) report(`rotationPeriod ${key.rotationPeriod} is longer than ${maxDays} days.`);
    }),
  },
  { vendor: "gcp", services: ["kms"], topics: ["encryption"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "medium" },
);
