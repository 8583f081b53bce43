import type { z } from "zod";

/** One bad setting: its path inside the section or the args (`["sizeGb"]`), what was given, why. */
export interface SettingIssue {
  path: readonly PropertyKey[];
  value: unknown;
  /** What is wrong and what is allowed, without the key: `-5 is not allowed: must be >= 20`. */
  message: string;
}

/** Renders a value for an error message without dumping whole objects. */
export function show(value: unknown): string {
  if (value === undefined) return "(missing)";
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
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

/** The zod issues of `input` against `schema` as {@link SettingIssue}s (unknown keys one by one). */
export function zodIssues(error: z.core.$ZodError, input: unknown): SettingIssue[] {
  const out: SettingIssue[] = [];
  for (const issue of error.issues) {
    const value = valueAt(input, issue.path);
    if (issue.code === "invalid_key") {
      // A record key failed its schema: show the key, and the key's own reason.
      const key = issue.path[issue.path.length - 1];
      const reasons = issue.issues.map((i) => i.message).join("; ");
      out.push({ path: issue.path, value: key, message: `${show(key)} is not allowed: ${reasons}` });
    } else if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys) out.push({ path: [...issue.path, k], value: valueAt(input, [...issue.path, k]), message: describe(issue, value) });
    } else {
      out.push({ path: issue.path, value, message: describe(issue, value) });
    }
  }
  return out;
}

/** `sizeGb`, `lifecycle.expireAfterDays`, `teams[1].name`. */
export function dotted(path: readonly PropertyKey[]): string {
  return path.map(String).join(".").replace(/\.(\d+)(?=\.|$)/g, "[$1]");
}
