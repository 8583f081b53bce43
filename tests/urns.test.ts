// A deployed stack must not replace what it already has: every URN a shipped stack registered
// before the component kit (tests/fixtures/urns, recorded from that code) is either registered
// again or named by an alias of the resource that took its place.
import { describe, expect, it } from "@jest/globals";
import fs from "node:fs";
import path from "node:path";
import { main } from "@mlops/platform";
import { loadStackConfig, runWithMocks } from "@mlops/testing";

const root = path.resolve(__dirname, "..");
const STACKS = ["dev", "staging", "prod", "local", "gcp"] as const;

describe.each(STACKS)("stack %s", (stack) => {
  it("keeps every URN it shipped with, or aliases it", async () => {
    const shipped = JSON.parse(fs.readFileSync(path.join(root, "tests/fixtures/urns", `${stack}.json`), "utf8")) as string[];
    const file = loadStackConfig(root, stack);
    const run = await runWithMocks(main, { project: file.project, stack, config: file.config, secretKeys: file.secretKeys });
    const answered = new Set(run.resources.flatMap((r) => [r.urn, ...(r.aliases ?? [])]));
    expect(shipped.filter((urn) => !answered.has(urn))).toEqual([]);
  });
});
