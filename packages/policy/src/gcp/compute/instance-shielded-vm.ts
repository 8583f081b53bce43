import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { INSTANCE_TYPES, type InstanceLike } from "./instances";

/**
 * VMs boot as Shielded VMs with Secure Boot: `shieldedInstanceConfig.enableSecureBoot` true
 * (GCE's default is false), `enableVtpm` and `enableIntegrityMonitoring` not false (default true).
 */
export const gcpComputeInstanceShieldedVm = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-compute-instance-shielded-vm",
    description:
      "Compute instances and instance templates must enable Shielded VM Secure Boot (shieldedInstanceConfig.enableSecureBoot " +
      "true; the default is false) and keep vTPM and integrity monitoring on: a tampered boot loader or kernel is then " +
      "refused or detected.",
    validateResource: Object.values(INSTANCE_TYPES).map((token) =>
      validateTypeToken<InstanceLike>(token, (vm, _args, report) => {
        const config = vm.shieldedInstanceConfig;
        if (config?.enableSecureBoot !== true) {
          report("shieldedInstanceConfig.enableSecureBoot is not true (the default is false): set it, with a Shielded VM image.");
        }
        if (config?.enableVtpm === false) report("shieldedInstanceConfig.enableVtpm is false: remove it (the default is true).");
        if (config?.enableIntegrityMonitoring === false) {
          report("shieldedInstanceConfig.enableIntegrityMonitoring is false: remove it (the default is true).");
        }
      }),
    ),
  },
  { vendor: "gcp", services: ["compute"], topics: ["compute"], frameworks: ["cis"], severity: "medium" },
);
