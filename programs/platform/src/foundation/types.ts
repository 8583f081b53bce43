import type * as pulumi from "@pulumi/pulumi";
import type { Placement, StackConfig, Tags } from "@mlops/core";
import type { Providers } from "../providers";

/** What every later component needs from the stack's base layer. */
export interface Foundation {
  placement: Placement;
  /** Customer-managed key shared by the data services (aws); components create their own elsewhere. */
  kmsKeyId?: pulumi.Output<string>;
  outputs: Record<string, pulumi.Output<unknown>>;
}

export type FoundationBuilder = (config: StackConfig, tags: Tags, providers: Providers) => Foundation;
