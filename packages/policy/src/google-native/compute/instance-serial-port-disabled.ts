import type { ResourceValidationPolicy } from "@pulumi/policy";
import { isTrueMetadata } from "../../gcp/compute/instances";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { NATIVE_VM_TYPES, vmSettings } from "./vm";

/** No google-native VM or template turns on the interactive serial console. */
export const googleNativeComputeInstanceSerialPortDisabled = definePolicy<ResourceValidationPolicy>(
  {
    name: "google-native-compute-instance-serial-port-disabled",
    description:
      'google-native compute instances and instance templates must not set the metadata item "serial-port-enable" to true: ' +
      "the interactive serial console is reachable from any IP address and bypasses the VPC firewall.",
    validateResource: NATIVE_VM_TYPES.map((token) =>
      validateTypeToken<Parameters<typeof vmSettings>[1]>(token, (vm, args, report) => {
        const { prefix, settings } = vmSettings(args.type, vm);
        if ((settings.metadata?.items ?? []).some((item) => item.key === "serial-port-enable" && isTrueMetadata(item.value))) {
          report(`${prefix}metadata item "serial-port-enable" is true: the interactive serial console accepts connections from any IP address. Remove it or set it to "false".`);
        }
      }),
    ),
  },
  { vendor: "google-native", services: ["compute"], topics: ["network", "access"], frameworks: ["cis"], severity: "high" },
);
