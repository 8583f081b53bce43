import type * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { defaultNodeGroupOptions, validateEksComponent } from "../eks/component";
import { definePolicy } from "../../lib/registry";
import { validateTypeToken } from "../../lib/type-token";

/** The metadata options of a launch template or an instance, as the policy reads them. */
interface MetadataOptions {
  httpEndpoint?: string;
  httpTokens?: string;
}

/** Why `options` lets instances answer IMDSv1 requests, or `undefined` when they do not. */
function imdsv1Allowed(options: MetadataOptions | undefined): string | undefined {
  if (options?.httpEndpoint === "disabled") return undefined;
  const tokens = options?.httpTokens;
  if (tokens === "required") return undefined;
  return tokens === undefined
    ? 'metadataOptions.httpTokens is not set: instances answer IMDSv1 requests unless the AMI or the account default requires IMDSv2; set it to "required".'
    : `metadataOptions.httpTokens is "${tokens}", not "required": instances answer IMDSv1 requests.`;
}

/**
 * Instances require IMDSv2 (session tokens) for the instance metadata service:
 * `metadataOptions.httpTokens` "required" on `aws.ec2.LaunchTemplate` and `aws.ec2.Instance`
 * (or the metadata endpoint disabled). Unset is a violation: the EC2 default is "optional"
 * unless the AMI and the account default say otherwise, which the program does not show. An
 * instance that sets no `metadataOptions` but uses a launch template is left to that template
 * (checked itself). An `aws.eks.NodeGroup` without `launchTemplate` runs on a template EKS
 * generates, and the `eks:index:Cluster` component's default node group on a template without
 * metadata options (no component input sets them): both are violations.
 */
export const awsEc2LaunchTemplateImdsv2 = definePolicy<ResourceValidationPolicy>(
  {
    name: "aws-ec2-launch-template-imdsv2",
    description:
      'EC2 launch templates and instances must require IMDSv2 (metadataOptions.httpTokens "required"), and EKS node groups ' +
      "must use such a launch template: with IMDSv1 an SSRF in any Pod or process on the node can read the node role's " +
      "credentials from the metadata service.",
    validateResource: [
      validateTypeToken<aws.ec2.LaunchTemplateArgs>("aws:ec2/launchTemplate:LaunchTemplate", (template, _args, report) => {
        const problem = imdsv1Allowed(template.metadataOptions);
        if (problem) report(problem);
      }),
      validateTypeToken<aws.ec2.InstanceArgs>("aws:ec2/instance:Instance", (instance, _args, report) => {
        if (instance.metadataOptions === undefined && instance.launchTemplate !== undefined) return;
        const problem = imdsv1Allowed(instance.metadataOptions);
        if (problem) report(problem);
      }),
      validateTypeToken<aws.eks.NodeGroupArgs>("aws:eks/nodeGroup:NodeGroup", (group, _args, report) => {
        if (group.launchTemplate === undefined) {
          report('The node group has no launchTemplate, so nothing in the program requires IMDSv2 on its nodes: use a launch template with metadataOptions.httpTokens "required".');
        }
      }),
      validateEksComponent((props, report) => {
        if (defaultNodeGroupOptions(props)) {
          report("The default node group's launch template sets no metadataOptions (no eks.Cluster input sets them), so IMDSv2 is not required: set skipDefaultNodeGroup and add node groups whose launch template requires it.");
        }
      }),
    ],
  },
  { vendor: "aws", services: ["ec2", "eks"], topics: ["compute", "access"], frameworks: ["cis"], severity: "high" },
);
