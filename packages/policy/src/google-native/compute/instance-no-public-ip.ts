import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { NATIVE_VM_TYPES, vmSettings } from "./vm";

/** google-native VMs get no external IPv4 or IPv6 address. */
export const googleNativeComputeInstanceNoPublicIp = definePolicy<ResourceValidationPolicy>(
  {
    name: "google-native-compute-instance-no-public-ip",
    description:
      "google-native compute instances and instance templates must not give a network interface an external address " +
      "(accessConfigs, ipv6AccessConfigs): VMs reach the internet through Cloud NAT and are reached through a load balancer or IAP.",
    validateResource: NATIVE_VM_TYPES.map((token) =>
      validateTypeToken<Parameters<typeof vmSettings>[1]>(token, (vm, args, report) => {
        const { prefix, settings } = vmSettings(args.type, vm);
        (settings.networkInterfaces ?? []).forEach((nic, i) => {
          if ((nic.accessConfigs ?? []).length > 0) report(`${prefix}networkInterfaces[${i}] has accessConfigs: the VM gets an external IPv4 address. Remove them and use Cloud NAT.`);
          if ((nic.ipv6AccessConfigs ?? []).length > 0) report(`${prefix}networkInterfaces[${i}] has ipv6AccessConfigs: the VM gets an external IPv6 address. Remove them.`);
        });
      }),
    ),
  },
  { vendor: "google-native", services: ["compute"], topics: ["network"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "high" },
);
