import * as pulumi from "@pulumi/pulumi";
import { standardTags, type StackConfig } from "@mlops/core";
import { createProviders } from "./providers";
import { REGISTRY } from "./components";
import type { StackContext } from "./registry";

/**
 * The config a stack file set that only planned components read: their sections, and the module
 * slots they implement (`modules.mlPlatform: "mlflow"`). Reported, never ignored.
 */
export function plannedSections(config: StackConfig, given: ReadonlySet<string>): { id: string; keys: string[] }[] {
  return REGISTRY.filter((e) => e.status === "planned" && e.enabled(config))
    .map((e) => ({
      id: e.id,
      keys: [
        ...(e.slot && given.has("modules") ? [`mlops-platform:modules.${e.slot} (${JSON.stringify(config.modules[e.slot])})`] : []),
        ...e.sections.filter((s) => given.has(s)).map((s) => `mlops-platform:${s}`),
      ],
    }))
    .filter((p) => p.keys.length > 0);
}

/**
 * Wires the platform for one stack: providers, then every enabled registry entry, layer by
 * layer. Returns the stack outputs; credentials only ever as secrets.
 */
export function wireStack(config: StackConfig, given: ReadonlySet<string> = new Set()): Record<string, pulumi.Input<unknown>> {
  const tags = standardTags({ project: config.project, stack: config.stack, tier: config.tier, costCenter: config.costCenter, extra: config.tags });
  const providers = createProviders(config, tags);
  const ctx: StackContext = {
    config,
    tags,
    providers,
    placement: {},
    outputs: { cloud: config.cloud, tier: config.tier, region: config.region, modules: config.modules },
    base() {
      return { backend: config.backend, tier: config.tier, tags, placement: this.placement, protect: config.protect };
    },
    componentOpts() {
      // Every in-cluster resource uses the Cluster's provider, never the ambient kubeconfig.
      return { providers: [...(providers.primary ? [providers.primary] : []), ...(this.cluster ? [this.cluster.provider] : [])] };
    },
  };
  for (const entry of REGISTRY) {
    if (entry.status === "built" && entry.enabled(config)) entry.build(ctx);
  }
  for (const { id, keys } of plannedSections(config, given)) {
    pulumi.log.warn(`${keys.join(", ")}: validated, not built yet: the ${id} component is planned; these values take effect when it lands`);
  }
  return ctx.outputs;
}
