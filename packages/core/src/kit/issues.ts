import type { z } from "zod";
import { closest } from "./suggest";

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
    default:
      return `${show(value)} is not allowed: ${issue.message}`;
  }
}

/** The keys an object schema allows at `path` (through optional, default, pipe, record and array). */
function knownKeysAt(schema: z.core.$ZodType | undefined, path: readonly PropertyKey[]): string[] {
  let s = schema;
  for (let i = 0; i <= path.length && s; i++) {
    let def = s._zod.def as z.core.$ZodTypeDef & { innerType?: z.core.$ZodType; in?: z.core.$ZodType };
    while (def.innerType || (def.type === "pipe" && def.in)) {
      s = def.innerType ?? def.in;
      def = s?._zod.def ?? def;
    }
    if (i === path.length) return def.type === "object" ? Object.keys((def as z.core.$ZodObjectDef).shape) : [];
    if (def.type === "object") s = (def as z.core.$ZodObjectDef).shape[String(path[i])];
    else if (def.type === "record") s = (def as z.core.$ZodRecordDef).valueType;
    else if (def.type === "array") s = (def as z.core.$ZodArrayDef).element;
    else return [];
  }
  return [];
}

/**
 * The zod issues of `input` against `schema` as {@link SettingIssue}s (unknown keys one by one,
 * with the allowed key they are closest to when `schema` is given).
 */
export function zodIssues(error: z.core.$ZodError, input: unknown, schema?: z.core.$ZodType): SettingIssue[] {
  const out: SettingIssue[] = [];
  for (const issue of error.issues) {
    const value = valueAt(input, issue.path);
    if (issue.code === "invalid_key") {
      // A record key failed its schema: show the key, and the key's own reason.
      const key = issue.path[issue.path.length - 1];
      const reasons = issue.issues.map((i) => i.message).join("; ");
      out.push({ path: issue.path, value: key, message: `${show(key)} is not allowed: ${reasons}` });
    } else if (issue.code === "unrecognized_keys") {
      const known = schema ? knownKeysAt(schema, issue.path) : [];
      for (const k of issue.keys) {
        const near = closest(k, known);
        const message = `unknown key "${k}"${near ? `; did you mean "${near}"?` : ""}`;
        out.push({ path: [...issue.path, k], value: valueAt(input, [...issue.path, k]), message });
      }
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
