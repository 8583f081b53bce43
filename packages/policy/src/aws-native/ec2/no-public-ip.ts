import type { ReportViolation, ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { INSTANCE, LAUNCH_TEMPLATE, type NativeInstance, type NativeLaunchTemplate, type NetworkInterface } from "./instance-like";

function check(where: string, interfaces: NetworkInterface[] | undefined, report: ReportViolation): void {
  (interfaces ?? []).forEach((nic, i) => {
    if (nic.associatePublicIpAddress === true) {
      report(`${where}[${i}].associatePublicIpAddress is true: the instance gets a public IPv4 address. Use private subnets with a NAT gateway.`);
    }
  });
}

/** aws-native launch templates and instances ask for no public IPv4 address. */
export const awsNativeEc2NoPublicIp = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-ec2-no-public-ip",
    description:
      "aws-native launch templates (launchTemplateData.networkInterfaces) and instances (networkInterfaces) must not set " +
      "associatePublicIpAddress true: instances run in private subnets and are reached through load balancers or SSM.",
    validateResource: [
      validateTypeToken<NativeLaunchTemplate>(LAUNCH_TEMPLATE, (template, _args, report) =>
        check("launchTemplateData.networkInterfaces", template.launchTemplateData?.networkInterfaces, report),
      ),
      validateTypeToken<NativeInstance>(INSTANCE, (instance, _args, report) => check("networkInterfaces", instance.networkInterfaces, report)),
    ],
  },
  { vendor: "aws-native", services: ["ec2"], topics: ["network"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "high" },
);
