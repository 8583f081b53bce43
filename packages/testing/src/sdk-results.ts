// The result property names of a provider function, read from its SDK's type definitions, so a
// missing-mock error can show a `--mocks` entry with the right keys. Only read when a run fails.
import fs from "node:fs";
import path from "node:path";

/** A placeholder per TypeScript type: obviously not a value, and names the type to supply. */
function placeholder(type: string): string {
  const t = type.trim();
  if (t.endsWith("[]")) return "<list>";
  if (t.startsWith("{") || t.startsWith("outputs.")) return "<object>";
  if (t === "string" || t === "number" || t === "boolean") return `<${t}>`;
  return "<value>";
}

/** Where `@pulumi/<pkg>` is: the copy the program loaded (in the require cache), else the one we resolve. */
function packageDir(pkg: string): string | undefined {
  const marker = `${path.sep}node_modules${path.sep}@pulumi${path.sep}${pkg}${path.sep}`;
  for (const file of Object.keys(require.cache)) {
    const at = file.lastIndexOf(marker);
    if (at >= 0) return file.slice(0, at + marker.length - 1);
  }
  try {
    return path.dirname(require.resolve(`@pulumi/${pkg}/package.json`, { paths: [process.cwd(), __dirname] }));
  } catch {
    return undefined;
  }
}

/**
 * The non-optional properties of the function's `<Name>Result` interface, each with a typed
 * placeholder (`{ id: "<string>", ids: "<list>" }`); undefined when the SDK or the interface is not found.
 * Optional properties are left out: they echo the arguments.
 */
export function sdkResultSkeleton(token: string): Record<string, string> | undefined {
  const m = /^([\w-]+):([\w./-]+)\/(\w+):(\w+)$/.exec(token) ?? /^([\w-]+):(index):(\w+)$/.exec(token);
  if (!m) return undefined;
  const [, pkg = "", mod = "", fn = ""] = m;
  const dir = packageDir(pkg);
  if (!dir) return undefined;
  const file = path.join(dir, mod === "index" ? "" : mod, `${fn}.d.ts`);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const iface = `${fn.charAt(0).toUpperCase()}${fn.slice(1)}Result`;
  const body = new RegExp(`export interface ${iface} \\{\\n([\\s\\S]*?)\\n\\}`).exec(text)?.[1];
  if (!body) return undefined;
  const out: Record<string, string> = {};
  for (const line of body.split("\n")) {
    const p = /^ {4}readonly (\w+)(\?)?: (.+?);?$/.exec(line);
    if (p?.[1] && !p[2]) out[p[1]] = placeholder(p[3] ?? "");
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
