import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** Default longest rotation period, in days (as the classic gcp-kms-crypto-key-rotation). */
export const DEFAULT_MAX_ROTATION_DAYS = 90;

/** Configuration of {@link googleNativeCloudkmsCryptoKeyRotation}. */
export interface NativeCryptoKeyRotationConfig {
  maxRotationDays?: number;
}

/** Seconds in a protobuf duration (`"7776000s"`), or `undefined`. */
const seconds = (duration: string): number | undefined => {
  const match = /^(\d+(?:\.\d+)?)s$/.exec(duration.trim());
  return match ? Number(match[1]) : undefined;
};

/** google-native Cloud KMS encryption keys rotate at least every 90 days (configurable). */
export const googleNativeCloudkmsCryptoKeyRotation = definePolicy<ResourceValidationPolicy>(
  {
    name: "google-native-cloudkms-crypto-key-rotation",
    description:
      "google-native Cloud KMS keys with purpose ENCRYPT_DECRYPT must set rotationPeriod to at most 90 days (config " +
      "maxRotationDays), so a compromised key version protects little data; asymmetric and MAC keys cannot rotate.",
    configSchema: { properties: { maxRotationDays: { type: "integer", minimum: 1, default: DEFAULT_MAX_ROTATION_DAYS } } },
    validateResource: validateTypeToken<{ purpose?: string; rotationPeriod?: string }>("google-native:cloudkms/v1:CryptoKey", (key, args, report) => {
      const purpose = key.purpose ?? "ENCRYPT_DECRYPT";
      if (purpose !== "ENCRYPT_DECRYPT") args.notApplicable(`a ${purpose} key cannot rotate automatically`);
      const maxDays = args.getConfig<NativeCryptoKeyRotationConfig>().maxRotationDays ?? DEFAULT_MAX_ROTATION_DAYS;
      if (!key.rotationPeriod) {
        report(`rotationPeriod is not set: the key never rotates. Set it to at most ${maxDays * 86400}s (${maxDays} days).`);
        return;
      }
      const period = seconds(key.rotationPeriod);
      if (period === undefined) report(`rotationPeriod "${key.rotationPeriod}" is not a duration in seconds ("7776000s").`);
      else if (period > maxDays * 86400) report(`rotationPeriod ${key.rotationPeriod} is longer than ${maxDays} days: shorten it.`);
    }),
  },
  { vendor: "google-native", services: ["cloudkms"], topics: ["encryption"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "medium" },
);
