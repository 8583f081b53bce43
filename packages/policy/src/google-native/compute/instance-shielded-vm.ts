import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { NATIVE_VM_TYPES, vmSettings } from "./vm";

/** google-native VMs boot as Shielded VMs with Secure Boot. */
export const googleNativeComputeInstanceShieldedVm = definePolicy<ResourceValidationPolicy>(
  {
    name: "google-native-compute-instance-shielded-vm",
    description:
      "google-native compute instances and instance templates must enable Secure Boot (shieldedInstanceConfig.enableSecureBoot; " +
      "default false) and keep vTPM and integrity monitoring on; an instance created from a template is left to it.",
    validateResource: NATIVE_VM_TYPES.map((token) =>
      validateTypeToken<Parameters<typeof vmSettings>[1]>(token, (vm, args, report) => {
        const { prefix, settings, fromTemplate } = vmSettings(args.type, vm);
        const config = settings.shieldedInstanceConfig;
        if (config === undefined && fromTemplate) return;
        if (config?.enableSecureBoot !== true) report(`${prefix}shieldedInstanceConfig.enableSecureBoot is not true (the default is false): set it, with a Shielded VM image.`);
        if (config?.enableVtpm === false) report(`${prefix}shieldedInstanceConfig.enableVtpm is false: remove it (the default is true).`);
        if (config?.enableIntegrityMonitoring === false) report(`${prefix}shieldedInstanceConfig.enableIntegrityMonitoring is false: remove it (the default is true).`);
      }),
    ),
  },
  { vendor: "google-native", services: ["compute"], topics: ["compute"], frameworks: ["cis"], severity: "medium" },
);
