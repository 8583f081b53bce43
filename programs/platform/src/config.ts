import * as pulumi from "@pulumi/pulumi";
import { CONFIG_NAMESPACE, resolveStackConfig, type StackConfig } from "@mlops/core";

/**
 * The ONE place the program reads configuration. Everything is validated (and every bad key
 * reported) before a single resource is registered; components get plain values. `given` is
 * the set of top-level keys the stack file set, so keys only planned components read are
 * reported rather than ignored. Secret keys (`slackWebhookUrl`, ...) are read by the component
 * that needs them once it exists; until then they are reported like any planned key.
 */
export function readStackConfig(): { config: StackConfig; given: ReadonlySet<string> } {
  const raw = pulumi.runtime.allConfig();
  const config = resolveStackConfig(raw, { stack: pulumi.getStack(), project: pulumi.getProject() });
  const prefix = `${CONFIG_NAMESPACE}:`;
  const given = new Set(Object.keys(raw).filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)));
  return { config, given };
}
