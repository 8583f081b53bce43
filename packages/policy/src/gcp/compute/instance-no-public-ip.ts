import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { INSTANCE_TYPES, type InstanceLike } from "./instances";

/** VMs get no external IPv4 or IPv6 address. */
export const gcpComputeInstanceNoPublicIp = definePolicy<ResourceValidationPolicy>(
  {
    name: "gcp-compute-instance-no-public-ip",
    description:
      "Compute instances and instance templates must not give a network interface an external address (accessConfigs for " +
      "IPv4, ipv6AccessConfigs for IPv6): VMs reach the internet through Cloud NAT and are reached through a load balancer " +
      "or IAP, never directly.",
    validateResource: Object.values(INSTANCE_TYPES).map((token) =>
      validateTypeToken<InstanceLike>(token, (vm, _args, report) => {
        (vm.networkInterfaces ?? []).forEach((nic, i) => {
          if ((nic.accessConfigs ?? []).length > 0) {
            report(`networkInterfaces[${i}] has accessConfigs: the VM gets an external IPv4 address. Remove them and use Cloud NAT for egress.`);
          }
          if ((nic.ipv6AccessConfigs ?? []).length > 0) {
            report(`networkInterfaces[${i}] has ipv6AccessConfigs: the VM gets an external IPv6 address. Remove them (use internal IPv6).`);
          }
        });
      }),
    ),
  },
  { vendor: "gcp", services: ["compute"], topics: ["network"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "high" },
);
