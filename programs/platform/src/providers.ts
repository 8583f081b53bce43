import type * as pulumi from "@pulumi/pulumi";
import type * as awsTypes from "@pulumi/aws";
import type * as gcpTypes from "@pulumi/gcp";
import { gcpLabels, type StackConfig, type Tags } from "@mlops/core";

/**
 * Explicit cloud providers, so no resource depends on ambient credentials or the default
 * provider's settings. Cloud SDKs are required lazily: an AWS stack never loads @pulumi/gcp.
 * The Kubernetes provider is not here: the Cluster component creates it (from the EKS / GKE
 * kubeconfig, or the local stack's kubeconfig context) and `componentOpts()` hands it on.
 */
export interface Providers {
  /** The provider components use for the stack's cloud; none on local (everything is in-cluster). */
  primary?: pulumi.ProviderResource;
  aws?: awsTypes.Provider;
  gcp?: gcpTypes.Provider;
}

export function createProviders(config: StackConfig, tags: Tags): Providers {
  switch (config.cloud) {
    case "aws": {
      const aws = require("@pulumi/aws") as typeof awsTypes;
      // defaultTags is a backstop; components also tag every taggable child explicitly.
      const provider = new aws.Provider("aws", { region: config.region as awsTypes.Region, defaultTags: { tags: { ...tags } } });
      return { primary: provider, aws: provider };
    }
    case "gcp": {
      const gcp = require("@pulumi/gcp") as typeof gcpTypes;
      const provider = new gcp.Provider("gcp", { project: config.gcpProject, region: config.region, defaultLabels: gcpLabels(tags) });
      return { primary: provider, gcp: provider };
    }
    case "local":
      return {};
  }
}
