import type { z } from "zod";
import { ConfigError, show, type ConfigIssue } from "./errors";
import { compatibility, compatibilityOfRaw, crossChecks } from "./checks";
import { CONFIG_NAMESPACE, SECRET_CONFIG_KEYS, configKey as key } from "./keys";
import { stackConfigSchema } from "./schema";
import { DEFAULT_MODULES, type Modules } from "./slots";
import { withStackDefaults, type StackConfig } from "./stack-config";

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

/** One readable sentence per zod issue: the value and what is allowed. */
function describe(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      return value === undefined ? `is required (expected ${issue.expected})` : `${show(value)} is not allowed: expected ${issue.expected}`;
    case "invalid_value":
      return `${show(value)} is not allowed; allowed: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_small":
      return `${show(value)} is not allowed: must be ${issue.origin === "array" || issue.origin === "string" ? "of length " : ""}${issue.inclusive === false ? ">" : ">="} ${issue.minimum}`;
    case "too_big":
      return `${show(value)} is not allowed: must be ${issue.origin === "array" || issue.origin === "string" ? "of length " : ""}${issue.inclusive === false ? "<" : "<="} ${issue.maximum}`;
    case "unrecognized_keys":
      return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    default:
      return `${show(value)} is not allowed: ${issue.message}`;
  }
}

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
    for (const issue of parsed.error.issues) {
      const value = valueAt(input, issue.path);
      if (issue.code === "unrecognized_keys") {
        for (const k of issue.keys) issues.push({ key: key([...issue.path, k]), value: valueAt(input, [...issue.path, k]), message: describe(issue, value) });
      } else {
        issues.push({ key: key(issue.path), value, message: describe(issue, value) });
      }
    }
    throw new ConfigError(ctx.stack, issues);
  }
  const cfg = parsed.data;
  const modules: Modules = { ...DEFAULT_MODULES[cfg.cloud], ...cfg.modules };
  issues.push(...compatibility(cfg.cloud, modules), ...crossChecks(cfg, modules));
  if (issues.length > 0) throw new ConfigError(ctx.stack, issues);
  return withStackDefaults(cfg, modules, ctx.stack, project);
}
