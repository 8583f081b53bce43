// Every taggable resource of every stack carries the standard tags. "Taggable" is read from the
// installed provider SDK's own type definitions (the resource's Args has `tags` / `labels`), so a
// new resource that could be tagged but is not fails here without anyone updating a list.
import { describe, expect, it } from "@jest/globals";
import fs from "node:fs";
import path from "node:path";
import { REQUIRED_TAG_KEYS, gcpLabels, kubernetesLabels } from "@mlops/core";
import { main } from "@mlops/platform";
import { loadStackConfig, runWithMocks, type RecordedResource } from "@mlops/testing";

const root = path.resolve(__dirname, "..");
const sdkDir = (pkg: string) => path.dirname(require.resolve(`@pulumi/${pkg}/package.json`, { paths: [path.join(root, "programs", "platform")] }));

/** The tag-like input a resource type's Args declares, read from its .d.ts; undefined when none. */
function tagInput(type: string): "tags" | "labels" | "userLabels" | undefined {
  const [pkg, modulePath, cls] = type.split(":") as [string, string, string];
  if (type === "gcp:sql/databaseInstance:DatabaseInstance") return "userLabels"; // settings.userLabels
  const file = path.join(sdkDir(pkg), `${modulePath.split("/")[0]}/${modulePath.split("/")[1]}.d.ts`);
  const text = fs.readFileSync(file, "utf8");
  const args = text.slice(text.indexOf(`export interface ${cls}Args`));
  const body = args.slice(0, args.indexOf("\n}"));
  if (/\n\s+tags\?:/.test(body)) return "tags";
  if (/\n\s+labels\?:/.test(body)) return "labels";
  return undefined;
}

async function resourcesOf(stack: string): Promise<RecordedResource[]> {
  const file = loadStackConfig(root, stack);
  const run = await runWithMocks(main, { project: file.project, stack, config: file.config, secretKeys: file.secretKeys });
  return run.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:") && !r.type.startsWith("random:"));
}

describe("standard tags on every taggable resource", () => {
  it.each(["dev", "staging", "prod", "gcp"])("stack %s: every AWS/GCP resource whose Args take tags or labels has them", async (stack) => {
    const checked: string[] = [];
    for (const r of (await resourcesOf(stack)).filter((x) => x.type.startsWith("aws:") || x.type.startsWith("gcp:"))) {
      const input = tagInput(r.type);
      if (!input) continue;
      const value = (input === "userLabels" ? (r.inputs["settings"] as Record<string, unknown>)["userLabels"] : r.inputs[input]) as Record<string, string> | undefined;
      const expected = input === "tags" ? REQUIRED_TAG_KEYS : Object.keys(gcpLabels(Object.fromEntries(REQUIRED_TAG_KEYS.map((k) => [k, "x"]))));
      expect({ resource: `${r.type} ${r.name}`, keys: Object.keys(value ?? {}).filter((k) => (expected as readonly string[]).includes(k)).sort() }).toEqual({
        resource: `${r.type} ${r.name}`,
        keys: [...expected].sort(),
      });
      checked.push(r.type);
    }
    expect(checked.length).toBeGreaterThan(5);
  });

  it("stack local: every Kubernetes object carries the platform labels", async () => {
    const expected = Object.keys(kubernetesLabels(Object.fromEntries(REQUIRED_TAG_KEYS.map((k) => [k, "x"]))));
    for (const r of await resourcesOf("local")) {
      const labels = ((r.inputs["metadata"] as Record<string, unknown>)["labels"] ?? {}) as Record<string, string>;
      expect({ resource: `${r.type} ${r.name}`, missing: expected.filter((k) => !(k in labels)) }).toEqual({ resource: `${r.type} ${r.name}`, missing: [] });
    }
  });
});
