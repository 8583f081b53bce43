import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { defaultNodeGroupOptions, validateEksComponent } from "../eks/component";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/**
 * Instances get no public IP address: no `networkInterfaces[].associatePublicIpAddress` "true"
 * on `aws.ec2.LaunchTemplate` (a string in the SDK), no `associatePublicIpAddress` true on
 * `aws.ec2.Instance` and `aws.ec2.LaunchConfiguration`, and `nodeAssociatePublicIpAddress`
 * false on the `eks:index:Cluster` component's default node group (@pulumi/eks defaults it to true). Unset on a launch template
 * or an instance means the subnet's `mapPublicIpOnLaunch` decides, and passes here.
 */
export const awsEc2NoPublicIp = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-ec2-no-public-ip",
    description:
      'Launch templates (networkInterfaces[].associatePublicIpAddress "true"), instances and launch configurations ' +
      "(associatePublicIpAddress) and the eks.Cluster default node group (nodeAssociatePublicIpAddress, true by default) must not give nodes a public " +
      "IP: nodes live in private subnets and reach the internet through NAT.",
    validateResource: [
      validateTypeToken<aws.ec2.LaunchTemplateArgs>("aws:ec2/launchTemplate:LaunchTemplate", (template, _args, report) => {
        (template.networkInterfaces ?? []).forEach((ni, i) => {
          const value: unknown = ni.associatePublicIpAddress;
          if (value === true || value === "true") report(`networkInterfaces[${i}].associatePublicIpAddress is "true": instances get a public IP.`);
        });
      }),
      validateTypeToken<aws.ec2.InstanceArgs>("aws:ec2/instance:Instance", (instance, _args, report) => {
        if (instance.associatePublicIpAddress === true) report("associatePublicIpAddress is true: the instance gets a public IP.");
      }),
      validateTypeToken<aws.ec2.LaunchConfigurationArgs>("aws:ec2/launchConfiguration:LaunchConfiguration", (config, _args, report) => {
        if (config.associatePublicIpAddress === true) report("associatePublicIpAddress is true: every instance the Auto Scaling group launches gets a public IP.");
      }),
      validateEksComponent((props, report) => {
        const group = defaultNodeGroupOptions(props);
        if (group && group.options["nodeAssociatePublicIpAddress"] !== false) {
          report(`${group.prefix}nodeAssociatePublicIpAddress is not false: the default node group's nodes get public IPs (@pulumi/eks defaults it to true).`);
        }
      }),
    ],
  },
  { vendor: "aws", services: ["ec2", "eks"], topics: ["network"], frameworks: ["hitrust", "iso27001", "pcidss"], severity: "high" },
);
