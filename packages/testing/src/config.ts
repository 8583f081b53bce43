import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { isObject } from "./wire";

/** What a stack's files say, in the form {@link runWithMocks} takes. */
export interface StackConfig {
  /** The project name (`name:` in Pulumi.yaml). */
  project: string;
  /** The program entry (`main:` in Pulumi.yaml), relative to the project directory. */
  main?: string;
  /** Full keys `ns:key` to strings: scalars stringified, objects and arrays JSON-encoded. */
  config: Record<string, string>;
  /** Keys whose value is secret. Their values are `"[secret]"`: they cannot be decrypted offline. */
  secretKeys: string[];
  /** `runtime:` in Pulumi.yaml as written (a name, or `{ name, options }`); checked by the plan. */
  runtime?: unknown;
  /** Set when there is no `Pulumi.<stack>.yaml`: the stack has no config of its own (Pulumi's rule). */
  noStackFile?: string;
}

/** The value a secure (encrypted) config value gets offline. */
export const SECRET_PLACEHOLDER = "[secret]";

function readYaml(file: string, what: string): unknown {
  if (!existsSync(file)) throw new Error(`${what} not found: ${file}`);
  try {
    return parse(readFileSync(file, "utf8")) as unknown;
  } catch (err) {
    throw new Error(`${what} is not valid YAML: ${file}: ${(err as Error).message}`, { cause: err });
  }
}

/** `{ secure: "..." }`, anywhere in a value, becomes the placeholder; reports whether it found one. */
function unsecure(v: unknown): { value: unknown; secret: boolean } {
  if (Array.isArray(v)) {
    let secret = false;
    const value = v.map((x) => {
      const r = unsecure(x);
      secret ||= r.secret;
      return r.value;
    });
    return { value, secret };
  }
  if (isObject(v)) {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === "secure" && typeof v["secure"] === "string") return { value: SECRET_PLACEHOLDER, secret: true };
    let secret = false;
    const value: Record<string, unknown> = {};
    for (const k of keys) {
      const r = unsecure(v[k]);
      secret ||= r.secret;
      value[k] = r.value;
    }
    return { value, secret };
  }
  return { value: v, secret: false };
}

function toConfigString(v: unknown): string {
  if (typeof v === "string") return v;
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** A key without a namespace belongs to the project (Pulumi's rule). */
function fullKey(key: string, project: string): string {
  return key.includes(":") ? key : `${project}:${key}`;
}

/**
 * Reads `<dir>/Pulumi.yaml` (name, main; project-level config defaults) and
 * `<dir>/Pulumi.<stack>.yaml` (`config:`), and returns the stack's config as Pulumi passes it
 * to a program. Secure values cannot be decrypted offline: they become `"[secret]"` and their
 * keys are listed in `secretKeys`. A missing stack file means no stack config, as in Pulumi
 * (`noStackFile` names it). Throws, naming the path, when Pulumi.yaml is missing or a file is invalid.
 */
export function loadStackConfig(dir: string, stack: string): StackConfig {
  const projectFile = path.join(dir, "Pulumi.yaml");
  const project = readYaml(projectFile, "Pulumi project file");
  if (!isObject(project) || typeof project["name"] !== "string" || project["name"] === "") {
    throw new Error(`Pulumi project file has no name: ${projectFile}`);
  }
  const name = project["name"];
  const stackFile = path.join(dir, `Pulumi.${stack}.yaml`);
  // Pulumi runs a stack without a stack file with no config of its own (project defaults still apply).
  const hasStackFile = existsSync(stackFile);
  const stackDoc = hasStackFile ? readYaml(stackFile, `Stack config file for stack "${stack}"`) : undefined;
  if (stackDoc !== null && stackDoc !== undefined && !isObject(stackDoc)) throw new Error(`Stack config file is not a mapping: ${stackFile}`);

  const config: Record<string, string> = {};
  const secretKeys = new Set<string>();
  const set = (key: string, raw: unknown) => {
    const k = fullKey(key, name);
    const { value, secret } = unsecure(raw);
    config[k] = toConfigString(value);
    if (secret) secretKeys.add(k);
    else secretKeys.delete(k);
  };
  // Project-level defaults: `key: value` or `key: { default: value, ... }`.
  const defaults = project["config"];
  if (isObject(defaults)) {
    for (const [k, v] of Object.entries(defaults)) {
      if (!isObject(v)) set(k, v);
      else if ("value" in v) set(k, v["value"]);
      else if ("default" in v) set(k, v["default"]);
    }
  }
  const values = isObject(stackDoc) ? stackDoc["config"] : undefined;
  if (values !== undefined && values !== null && !isObject(values)) throw new Error(`"config" is not a mapping in ${stackFile}`);
  for (const [k, v] of Object.entries(values ?? {})) set(k, v);

  const main = typeof project["main"] === "string" ? project["main"] : undefined;
  const runtime = project["runtime"];
  return {
    project: name,
    ...(main ? { main } : {}),
    config,
    secretKeys: [...secretKeys],
    ...(runtime !== undefined && runtime !== null ? { runtime } : {}),
    ...(hasStackFile ? {} : { noStackFile: stackFile }),
  };
}
