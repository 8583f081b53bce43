import type * as gcp from "@pulumi/gcp";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { INSTANCE_TYPES } from "./instances";
import { isSetOrPending } from "../../lib/values";

const FIX = "set a Cloud KMS key";

/** A template disk's problem, or `undefined` when it attaches an existing disk or has a KMS key. */
function templateDiskProblem(disk: { source?: string; diskEncryptionKey?: { kmsKeySelfLink?: string } }, i: number): string | undefined {
  if (disk.source || disk.diskEncryptionKey?.kmsKeySelfLink) return undefined;
  return `disks[${i}] has no diskEncryptionKey.kmsKeySelfLink: the disk uses a Google-managed key; ${FIX}.`;
}

/**
 * Persistent disks are encrypted with a customer-managed Cloud KMS key (CMEK): `Disk`
 * (`diskEncryptionKey.kmsKeySelfLink`), `RegionDisk` (`diskEncryptionKey.kmsKeyName`), the boot disk an `Instance` creates
 * (`bootDisk.kmsKeySelfLink`; a boot disk attached by `source` is its Disk's concern), and each
 * disk an instance template creates. Customer-supplied raw keys are not accepted: the key would
 * live in the program's configuration.
 */
export const gcpComputeDiskEncryptedWithKms = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-compute-disk-encrypted-with-kms",
    description:
      "Persistent disks must be encrypted with a customer-managed Cloud KMS key: Disk " +
      "(diskEncryptionKey.kmsKeySelfLink), RegionDisk (diskEncryptionKey.kmsKeyName), the boot disk an Instance creates (bootDisk.kmsKeySelfLink) and every disk an " +
      "instance template creates (disks[].diskEncryptionKey.kmsKeySelfLink).",
    validateResource: [
      validateTypeToken<gcp.compute.DiskArgs>("gcp:compute/disk:Disk", (disk, _args, report) => {
        if (!isSetOrPending(() => disk.diskEncryptionKey?.kmsKeySelfLink)) report(`diskEncryptionKey.kmsKeySelfLink is not set: the disk uses a Google-managed key; ${FIX}.`);
      }),
      validateTypeToken<gcp.compute.RegionDiskArgs>("gcp:compute/regionDisk:RegionDisk", (disk, _args, report) => {
        if (!isSetOrPending(() => disk.diskEncryptionKey?.kmsKeyName)) report(`diskEncryptionKey.kmsKeyName is not set: the disk uses a Google-managed key; ${FIX}.`);
      }),
      validateTypeToken<gcp.compute.InstanceArgs>(INSTANCE_TYPES.instance, (vm, _args, report) => {
        const boot = vm.bootDisk as typeof vm.bootDisk | undefined;
        if (!boot?.source && !isSetOrPending(() => boot?.kmsKeySelfLink)) report(`bootDisk.kmsKeySelfLink is not set: the boot disk uses a Google-managed key; ${FIX}.`);
      }),
      ...[INSTANCE_TYPES.template, INSTANCE_TYPES.regionTemplate].map((token) =>
        validateTypeToken<gcp.compute.InstanceTemplateArgs>(token, (template, _args, report) => {
          (template.disks as typeof template.disks | undefined)?.forEach((disk, i) => {
            const problem = templateDiskProblem(disk, i);
            if (problem) report(problem);
          });
        }),
      ),
    ],
  },
  { vendor: "gcp", services: ["compute"], topics: ["encryption"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "high" },
);
