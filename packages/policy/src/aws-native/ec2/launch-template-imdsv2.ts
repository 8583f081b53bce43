import type { ResourceValidationPolicy } from "@pulumi/policy";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";
import { INSTANCE, LAUNCH_TEMPLATE, type MetadataOptions, type NativeInstance, type NativeLaunchTemplate } from "./instance-like";

/** Why `options` lets IMDSv1 through, or `undefined`. */
function imdsv1Allowed(where: string, options: MetadataOptions | undefined): string | undefined {
  if (options?.httpEndpoint === "disabled" || options?.httpTokens === "required") return undefined;
  const state = options?.httpTokens === undefined ? "is not set (EC2's default is optional)" : `is "${options.httpTokens}"`;
  return `${where}.httpTokens ${state}: instances answer IMDSv1 requests, which an SSRF can use to steal the instance role's credentials. Set it to "required".`;
}

/** aws-native launch templates and instances require IMDSv2. */
export const awsNativeEc2LaunchTemplateImdsv2 = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-native-ec2-launch-template-imdsv2",
    description:
      'aws-native launch templates (launchTemplateData.metadataOptions) and instances (metadataOptions, unless they use a ' +
      'launch template) must set httpTokens "required" (or disable the endpoint): with IMDSv1 an SSRF can read the ' +
      "instance role's credentials.",
    validateResource: [
      validateTypeToken<NativeLaunchTemplate>(LAUNCH_TEMPLATE, (template, _args, report) => {
        const problem = imdsv1Allowed("launchTemplateData.metadataOptions", template.launchTemplateData?.metadataOptions);
        if (problem) report(problem);
      }),
      validateTypeToken<NativeInstance>(INSTANCE, (instance, _args, report) => {
        if (instance.metadataOptions === undefined && instance.launchTemplate !== undefined) return;
        const problem = imdsv1Allowed("metadataOptions", instance.metadataOptions);
        if (problem) report(problem);
      }),
    ],
  },
  { vendor: "aws-native", services: ["ec2"], topics: ["network", "access"], frameworks: ["cis", "hitrust", "iso27001", "pcidss"], severity: "high" },
);
