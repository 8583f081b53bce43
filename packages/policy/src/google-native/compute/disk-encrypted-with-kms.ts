import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { NATIVE_VM_TYPES, vmSettings } from "./vm";
import { isSetOrPending } from "../../lib/values";

const DISK_TYPES = ["v1", "beta", "alpha"].flatMap((v) => ["Disk", "RegionDisk"].map((kind) => `google-native:compute/${v}:${kind}`));

/**
 * google-native persistent disks are encrypted with a Cloud KMS key: Disk and RegionDisk
 * (`diskEncryptionKey.kmsKeyName`) and every disk a VM or template creates (`disks[]` without
 * `source`); a disk attached by `source` is its Disk's concern.
 */
export const googleNativeComputeDiskEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "google-native-compute-disk-encrypted-with-kms",
    description:
      "google-native persistent disks must be encrypted with a customer-managed Cloud KMS key: Disk and RegionDisk " +
      "(diskEncryptionKey.kmsKeyName) and every disk an instance or instance template creates (disks[].diskEncryptionKey.kmsKeyName).",
    validateResource: [
      ...DISK_TYPES.map((token) =>
        validateTypeToken<{ diskEncryptionKey?: { kmsKeyName?: string } }>(token, (disk, _args, report) => {
          if (!isSetOrPending(() => disk.diskEncryptionKey?.kmsKeyName)) report("diskEncryptionKey.kmsKeyName is not set: the disk uses a Google-managed key; set a Cloud KMS key.");
        }),
      ),
      ...NATIVE_VM_TYPES.map((token) =>
        validateTypeToken<Parameters<typeof vmSettings>[1]>(token, (vm, args, report) => {
          const { prefix, settings } = vmSettings(args.type, vm);
          (settings.disks ?? []).forEach((disk, i) => {
            if (!disk.source && !isSetOrPending(() => disk.diskEncryptionKey?.kmsKeyName)) {
              report(`${prefix}disks[${i}] has no diskEncryptionKey.kmsKeyName: the disk it creates uses a Google-managed key; set a Cloud KMS key.`);
            }
          });
        }),
      ),
    ],
  },
  { vendor: "google-native", services: ["compute"], topics: ["encryption"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "high" },
);
