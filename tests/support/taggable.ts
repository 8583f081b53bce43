// Which input of a resource type carries tags or labels, read from the installed provider SDK's
// own type definitions (the resource's Args has `tags` / `labels`), so a new resource that could
// be tagged but is not fails without anyone updating a list.
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./plans";

const sdkDir = (pkg: string) => path.dirname(require.resolve(`@pulumi/${pkg}/package.json`, { paths: [path.join(ROOT, "programs", "platform")] }));

/** The tag-like input a resource type's Args declares, read from its .d.ts; undefined when none. */
export function tagInput(type: string): "tags" | "labels" | "userLabels" | undefined {
  const [pkg, modulePath, cls] = type.split(":") as [string, string, string];
  if (type === "gcp:sql/databaseInstance:DatabaseInstance") return "userLabels"; // settings.userLabels
  // The token's module casing is not the file's (`projects/iAMMember` lives in `projects/iammember.d.ts`).
  const [dir, mod] = modulePath.split("/") as [string, string];
  const folder = path.join(sdkDir(pkg), dir);
  const file = fs.readdirSync(folder).find((f) => f.toLowerCase() === `${mod}.d.ts`.toLowerCase());
  if (!file) throw new Error(`no type definition for ${type} in ${folder}`);
  const text = fs.readFileSync(path.join(folder, file), "utf8");
  const args = text.slice(text.indexOf(`export interface ${cls}Args`));
  const body = args.slice(0, args.indexOf("\n}"));
  if (/\n\s+tags\?:/.test(body)) return "tags";
  if (/\n\s+labels\?:/.test(body)) return "labels";
  return undefined;
}
