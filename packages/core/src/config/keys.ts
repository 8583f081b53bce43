/** The config namespace: the Pulumi project name. */
export const CONFIG_NAMESPACE = "mlops-platform";

/** Secret config keys, set with `pulumi config set --secret`; read as Outputs, never validated in clear. */
export const SECRET_CONFIG_KEYS = ["slackWebhookUrl", "pagerdutyKey", "datadogApiKey"] as const;

/** `mlops-platform:database.sizeGb`, `mlops-platform:teams[1].name`. */
export const configKey = (path: readonly PropertyKey[]) =>
  `${CONFIG_NAMESPACE}:${path.map(String).join(".").replace(/\.(\d+)(?=\.|$)/g, "[$1]")}`;
