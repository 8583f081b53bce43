import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import type * as awsTypes from "@pulumi/aws";
import type * as gcpTypes from "@pulumi/gcp";
import { kubernetesLabels, physicalName, type Backend, type Tags } from "@mlops/core";
import type { ClusterOutputs } from "./types";
import type { PolicyStatement } from "./pod-identity";

/** What a workload may do in the cloud. Every field defaults to nothing. */
export interface WorkloadGrant {
  /** A bucket it reads and writes: the S3 bucket ARN (aws) or the GCS bucket name (gcp). */
  bucketReadWrite?: pulumi.Input<string>;
  /** aws: further IAM policy statements. */
  awsStatements?: PolicyStatement[];
  /** gcp: project-level roles (`roles/aiplatform.user`). */
  gcpProjectRoles?: string[];
}

export interface WorkloadIdentityArgs {
  cluster: ClusterOutputs;
  backend: Backend;
  namespace: pulumi.Input<string>;
  /** The Kubernetes ServiceAccount's name (a DNS label). */
  serviceAccountName: string;
  grant?: WorkloadGrant;
  tags: Tags;
}

export interface WorkloadIdentity {
  serviceAccount: k8s.core.v1.ServiceAccount;
  /** aws: the Pod Identity role and its association. */
  aws?: { role: awsTypes.iam.Role; policy?: awsTypes.iam.RolePolicy; association: awsTypes.eks.PodIdentityAssociation };
  /** gcp: the Google service account, the Workload Identity binding and the grants. */
  gcp?: { serviceAccount: gcpTypes.serviceaccount.Account; binding: gcpTypes.serviceaccount.IAMMember; grants: pulumi.CustomResource[] };
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** The S3 statements of a read-write bucket grant: list the bucket, read/write/delete its objects. */
export function bucketReadWriteStatements(bucketArn: pulumi.Input<string>): PolicyStatement[] {
  return [
    { Sid: "ListBucket", Effect: "Allow", Action: ["s3:ListBucket", "s3:GetBucketLocation"], Resource: bucketArn },
    { Sid: "ReadWriteObjects", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"], Resource: pulumi.interpolate`${bucketArn}/*` },
  ];
}

/**
 * A Kubernetes ServiceAccount (on the cluster's provider) with a cloud identity and no static
 * keys: on aws an IAM role trusted by EKS Pod Identity and its association with the
 * ServiceAccount; on gcp a Google service account the ServiceAccount impersonates through
 * Workload Identity (`roles/iam.workloadIdentityUser` for `<project>.svc.id.goog[ns/ksa]` and
 * the `iam.gke.io/gcp-service-account` annotation); on kubernetes the ServiceAccount alone.
 */
export function workloadIdentity(parent: pulumi.Resource, name: string, args: WorkloadIdentityArgs): WorkloadIdentity {
  if (!DNS_LABEL.test(args.serviceAccountName)) {
    throw new pulumi.ResourceError(`serviceAccountName: ${JSON.stringify(args.serviceAccountName)} is not allowed; use a DNS label (lowercase letters, digits, '-', at most 63)`, parent);
  }
  const grant = args.grant ?? {};
  if (args.backend === "kubernetes" && Object.values(grant).some((v) => v !== undefined)) {
    throw new pulumi.ResourceError("grant: cloud grants are not allowed on the kubernetes backend (there is no cloud identity there); remove them", parent);
  }
  if (args.backend !== "aws" && grant.awsStatements) throw new pulumi.ResourceError(`grant.awsStatements: not allowed on ${args.backend}; use gcpProjectRoles or bucketReadWrite`, parent);
  if (args.backend !== "gcp" && grant.gcpProjectRoles) throw new pulumi.ResourceError(`grant.gcpProjectRoles: not allowed on ${args.backend}; use awsStatements or bucketReadWrite`, parent);
  const labels = kubernetesLabels(args.tags);
  const metadata = (annotations?: Record<string, pulumi.Input<string>>) => ({ name: args.serviceAccountName, namespace: args.namespace, labels, ...(annotations ? { annotations } : {}) });
  const k8sOpts = { parent, provider: args.cluster.provider };

  switch (args.backend) {
    case "aws": {
      const { podIdentityRole } = require("./pod-identity") as typeof import("./pod-identity");
      const statements = [...(grant.bucketReadWrite !== undefined ? bucketReadWriteStatements(grant.bucketReadWrite) : []), ...(grant.awsStatements ?? [])];
      const serviceAccount = new k8s.core.v1.ServiceAccount(`${name}-sa`, { metadata: metadata() }, k8sOpts);
      const made = podIdentityRole(parent, name, { clusterName: args.cluster.name, namespace: args.namespace, serviceAccount: args.serviceAccountName, statements, tags: args.tags });
      return { serviceAccount, aws: { role: made.role, ...(made.policy ? { policy: made.policy } : {}), association: made.association as awsTypes.eks.PodIdentityAssociation } };
    }
    case "gcp": {
      const gcp = require("@pulumi/gcp") as typeof gcpTypes;
      const project = args.cluster.workloadPool.apply((pool) => pool.replace(/\.svc\.id\.goog$/, ""));
      const gsa = new gcp.serviceaccount.Account(`${name}-gsa`, {
        project,
        accountId: physicalName(["wi", pulumi.getStack(), name], 30),
        displayName: `Workload Identity of ${args.serviceAccountName}`,
      }, { parent });
      const binding = new gcp.serviceaccount.IAMMember(`${name}-wi`, {
        serviceAccountId: gsa.name,
        role: "roles/iam.workloadIdentityUser",
        member: pulumi.interpolate`serviceAccount:${args.cluster.workloadPool}[${args.namespace}/${args.serviceAccountName}]`,
      }, { parent });
      const grants: pulumi.CustomResource[] = [];
      if (grant.bucketReadWrite !== undefined) {
        grants.push(new gcp.storage.BucketIAMMember(`${name}-bucket`, { bucket: grant.bucketReadWrite, role: "roles/storage.objectUser", member: gsa.member }, { parent }));
      }
      for (const role of grant.gcpProjectRoles ?? []) {
        grants.push(new gcp.projects.IAMMember(`${name}-${role.replace(/^roles\//, "").replace(/\./g, "-")}`, { project, role, member: gsa.member }, { parent }));
      }
      const serviceAccount = new k8s.core.v1.ServiceAccount(`${name}-sa`, { metadata: metadata({ "iam.gke.io/gcp-service-account": gsa.email }) }, { ...k8sOpts, dependsOn: [binding] });
      return { serviceAccount, gcp: { serviceAccount: gsa, binding, grants } };
    }
    case "kubernetes":
      return { serviceAccount: new k8s.core.v1.ServiceAccount(`${name}-sa`, { metadata: metadata() }, k8sOpts) };
  }
}
