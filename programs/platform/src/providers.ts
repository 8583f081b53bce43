import type * as pulumi from "@pulumi/pulumi";
import type * as awsTypes from "@pulumi/aws";
import type * as gcpTypes from "@pulumi/gcp";
import type * as k8sTypes from "@pulumi/kubernetes";
import { gcpLabels, type StackConfig, type Tags } from "@mlops/core";

/**
 * Explicit providers, so no resource depends on ambient credentials or the default provider's
 * settings. Cloud SDKs are required lazily: an AWS stack never loads @pulumi/gcp.
 */
export interface Providers {
  /** The provider components use for the stack's cloud. */
  primary: pulumi.ProviderResource;
  aws?: awsTypes.Provider;
  gcp?: gcpTypes.Provider;
  kubernetes?: k8sTypes.Provider;
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
    case "local": {
      const k8s = require("@pulumi/kubernetes") as typeof k8sTypes;
      const provider = new k8s.Provider("kind", {
        context: config.kubernetes.context ?? "kind-mlops",
        enableServerSideApply: true,
        deleteUnreachable: false,
      });
      return { primary: provider, kubernetes: provider };
    }
  }
}
