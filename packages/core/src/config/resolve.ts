import { ConfigError, type ConfigIssue } from "./errors";
import { zodIssues } from "../kit/issues";
import { compatibility, compatibilityOfRaw, componentChecks, crossChecks } from "./checks";
import { CONFIG_NAMESPACE, SECRET_CONFIG_KEYS, configKey as key } from "./keys";
import { stackConfigSchema } from "./schema";
import { DEFAULT_MODULES, type Modules } from "./slots";
import { withStackDefaults, type StackConfig } from "./stack-config";

/** Decodes Pulumi's string config values: objects and arrays arrive JSON-encoded. */
function decode(raw: string): unknown {
  const t = raw.trim();
  if (t.startsWith("{") || t.startsWith("[")) {
    try {
      return JSON.parse(t);
    } catch {
      return raw;
    }
  }
  return raw;
}

/**
 * Validates a stack's raw config (`namespace:key` → string, as Pulumi hands it over) and fills
 * in the tier and cloud defaults. Throws one ConfigError listing every bad key.
 */
export function resolveStackConfig(raw: Readonly<Record<string, string>>, ctx: { stack: string; project?: string }): StackConfig {
  const project = ctx.project ?? CONFIG_NAMESPACE;
  const input: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    const [ns, name] = k.includes(":") ? [k.slice(0, k.indexOf(":")), k.slice(k.indexOf(":") + 1)] : [project, k];
    if (ns !== CONFIG_NAMESPACE || (SECRET_CONFIG_KEYS as readonly string[]).includes(name)) continue;
    input[name] = decode(v);
  }
  const parsed = stackConfigSchema.safeParse(input);
  const issues: ConfigIssue[] = [];
  if (!parsed.success) {
    issues.push(...compatibilityOfRaw(input));
    for (const issue of zodIssues(parsed.error, input, stackConfigSchema)) issues.push({ key: key(issue.path), value: issue.value, message: issue.message });
    throw new ConfigError(ctx.stack, issues);
  }
  const cfg = parsed.data;
  const modules: Modules = { ...DEFAULT_MODULES[cfg.cloud], ...cfg.modules };
  issues.push(...compatibility(cfg.cloud, modules), ...crossChecks(cfg, modules), ...componentChecks(cfg));
  if (issues.length > 0) throw new ConfigError(ctx.stack, issues);
  return withStackDefaults(cfg, modules, ctx.stack, project);
}
