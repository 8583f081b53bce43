import * as pulumi from "@pulumi/pulumi";
import { CONFIG_NAMESPACE, resolveStackConfig, type StackConfig } from "@mlops/core";

/** Secret config values, as Outputs that stay secret; undefined when not set. */
export interface StackSecrets {
  slackWebhookUrl?: pulumi.Output<string>;
  pagerdutyKey?: pulumi.Output<string>;
  datadogApiKey?: pulumi.Output<string>;
}

/**
 * The ONE place the program reads configuration. Everything is validated (and every bad key
 * reported) before a single resource is registered; components get plain values.
 */
export function readStackConfig(): { config: StackConfig; secrets: StackSecrets } {
  const config = resolveStackConfig(pulumi.runtime.allConfig(), {
    stack: pulumi.getStack(),
    project: pulumi.getProject(),
  });
  const cfg = new pulumi.Config(CONFIG_NAMESPACE);
  const secrets: StackSecrets = {};
  for (const k of ["slackWebhookUrl", "pagerdutyKey", "datadogApiKey"] as const) {
    const v = cfg.getSecret(k);
    if (v !== undefined) secrets[k] = v;
  }
  return { config, secrets };
}
