import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import type { Tags } from "@mlops/core";

/** The trust policy of every EKS Pod Identity role: the Pod Identity service assumes it and tags the session. */
export const POD_IDENTITY_TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "pods.eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"] }],
});

/** An IAM policy statement, as the roles here write them. */
export interface PolicyStatement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Action: string[];
  Resource: pulumi.Input<string> | pulumi.Input<string>[];
  Condition?: Record<string, Record<string, pulumi.Input<string> | pulumi.Input<string>[]>>;
}

/**
 * An IAM role for one Kubernetes service account through EKS Pod Identity (no OIDC provider,
 * no static keys): the role (trusted by `pods.eks.amazonaws.com`), its managed policies, an
 * inline least-privilege policy, and the association of `namespace/serviceAccount` with it.
 * An add-on's association goes on the `aws.eks.Addon` instead (`associate: false`).
 */
export function podIdentityRole(
  parent: pulumi.Resource,
  name: string,
  args: {
    clusterName: pulumi.Input<string>;
    namespace: pulumi.Input<string>;
    serviceAccount: pulumi.Input<string>;
    managedPolicyArns?: string[];
    statements?: PolicyStatement[];
    tags: Tags;
    associate?: boolean;
    dependsOn?: pulumi.Input<pulumi.Resource>[];
  },
): { role: aws.iam.Role; policy?: aws.iam.RolePolicy; attachments: aws.iam.RolePolicyAttachment[]; association?: aws.eks.PodIdentityAssociation } {
  const child = { parent };
  const role = new aws.iam.Role(`${name}-role`, { assumeRolePolicy: POD_IDENTITY_TRUST, description: `Pod Identity role of ${name}`, tags: { ...args.tags } }, child);
  const attachments = (args.managedPolicyArns ?? []).map((arn, i) => new aws.iam.RolePolicyAttachment(`${name}-policy-${i}`, { role: role.name, policyArn: arn }, child));
  const policy = args.statements && args.statements.length > 0
    ? new aws.iam.RolePolicy(`${name}-policy`, { role: role.id, policy: pulumi.jsonStringify({ Version: "2012-10-17", Statement: args.statements }) }, child)
    : undefined;
  const association = args.associate === false
    ? undefined
    : new aws.eks.PodIdentityAssociation(`${name}-identity`, {
      clusterName: args.clusterName,
      namespace: args.namespace,
      serviceAccount: args.serviceAccount,
      roleArn: role.arn,
      tags: { ...args.tags },
    }, { parent, ...(args.dependsOn ? { dependsOn: args.dependsOn } : {}) });
  return { role, attachments, ...(policy ? { policy } : {}), ...(association ? { association } : {}) };
}
