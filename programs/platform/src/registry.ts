import type * as pulumi from "@pulumi/pulumi";
import type { Placement, PlatformComponentArgs, Slot, StackConfig, Tags } from "@mlops/core";
import type { Providers } from "./providers";
import type { TenancyOutputs } from "@mlops/tenancy";
import type { ClusterOutputs } from "@mlops/cluster";
import type { NetworkOutputs } from "@mlops/network";

/** The layers, bottom to top: a layer uses only what the layers below it put in the context. */
export const LAYERS = ["network", "cluster", "data", "ml", "operations"] as const;
export type Layer = (typeof LAYERS)[number];

/** The top-level config keys (`mlops-platform:<key>`) a stack file may set. */
export type ConfigSection = keyof StackConfig | "costCenter";

/** What the layers built so far hand to the next ones: typed outputs, never config or globals. */
export interface StackContext {
  readonly config: StackConfig;
  readonly tags: Tags;
  readonly providers: Providers;
  /** Where data services live; set by the network layer. */
  placement: Placement;
  /** The shared data-services key (aws); components create their own elsewhere. */
  dataKeyId?: pulumi.Output<string>;
  /** The Kubernetes cluster and its provider; set by the cluster entry (cluster layer). */
  cluster?: ClusterOutputs;
  /** The platform and team namespaces; set by the tenancy entry (cluster layer). */
  tenancy?: TenancyOutputs;
  /** The VPC / network, its subnets and what GKE needs; set by the network entry (aws, gcp). */
  network?: NetworkOutputs;
  /** The stack outputs, filled by every layer. */
  readonly outputs: Record<string, pulumi.Input<unknown>>;
  /** The args every component shares. */
  base(): PlatformComponentArgs;
  /** Options for a component: the stack's cloud provider and, once built, the cluster's Kubernetes provider. */
  componentOpts(): pulumi.ComponentResourceOptions;
}

/** One component (or a planned one) of the stack, wired from its config sections. */
export interface RegistryEntry {
  /** `database`, `network`, ... */
  id: string;
  layer: Layer;
  /** The config sections (or keys) this entry reads, whole. */
  sections: readonly ConfigSection[];
  /**
   * `planned`: the sections are validated but nothing is built yet; the plan says so, naming the
   * keys, instead of ignoring them.
   */
  status: "built" | "planned";
  /** The module slot (`modules.<slot>`) whose choice this entry implements, if any. */
  slot?: Slot;
  enabled(config: StackConfig): boolean;
  build(ctx: StackContext): void;
}
