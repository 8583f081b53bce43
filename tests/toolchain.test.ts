// scripts/toolchain.mjs rebuilds deleted build output instead of running a missing lib/bin.js.
// (build-outputs.mjs is an ES module, which jest cannot load: one small Node process runs it.)
import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const script = path.resolve(__dirname, "..", "scripts", "build-outputs.mjs");

function writePackage(root: string, dir: string, manifest: object): void {
  fs.mkdirSync(path.join(root, dir, "lib"), { recursive: true });
  fs.writeFileSync(path.join(root, dir, "package.json"), JSON.stringify(manifest));
  fs.writeFileSync(path.join(root, dir, "tsconfig.json"), "{}");
  fs.writeFileSync(path.join(root, dir, "lib", ".tsbuildinfo"), "{}");
}

describe("incompleteBuilds", () => {
  it("finds packages whose lib/ or an entry point was deleted, and drops their tsc build info", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "build-outputs-"));
    writePackage(root, "packages/cli", { main: "lib/index.js", bin: { mlops: "lib/bin.js" } });
    writePackage(root, "packages/policy", { main: "lib/pack.js", exports: { ".": "./lib/pack.js", "./rules": { default: "./lib/index.js" }, "./package.json": "./package.json" } });
    writePackage(root, "packages/core", { main: "lib/index.js" });
    for (const f of ["packages/cli/lib/index.js", "packages/policy/lib/pack.js", "packages/policy/lib/index.js", "packages/core/lib/index.js"]) fs.writeFileSync(path.join(root, f), "");
    fs.rmSync(path.join(root, "packages", "core", "lib"), { recursive: true }); // a deleted lib/
    const code = `import(${JSON.stringify(script)}).then((m) => {
      const dirs = ["packages/cli", "packages/policy", "packages/core"];
      const first = m.incompleteBuilds(${JSON.stringify(root)}, dirs);
      process.stdout.write(JSON.stringify(first));
    });`;
    const r = spawnSync(process.execPath, ["-e", code], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    // cli lacks its bin (tsc -b would not restore it: its build info is dropped); core lacks everything.
    expect(JSON.parse(r.stdout)).toEqual(["packages/cli", "packages/core"]);
    expect(fs.existsSync(path.join(root, "packages", "cli", "lib", ".tsbuildinfo"))).toBe(false);
    expect(fs.existsSync(path.join(root, "packages", "policy", "lib", ".tsbuildinfo"))).toBe(true);
  });
});
