import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ProgramSetupError, describeProgramError, isEsmEntry, nodeRuntimeOf, prepareProgram, programCwd, resolveEntry, userFrame } from "./program";
import { majorOfRange } from "./provider-pins";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "mlops-program-unit-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text = "") => {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
};

describe("nodeRuntimeOf", () => {
  it("reads a name or { name, options } as the language host does", () => {
    expect(nodeRuntimeOf("nodejs", "Pulumi.yaml")).toEqual({ typescript: true });
    expect(nodeRuntimeOf({ name: "nodejs", options: { typescript: false, tsconfig: "tsconfig.pulumi.json", nodeargs: "--inspect", packagemanager: "pnpm" } }, "Pulumi.yaml")).toEqual({
      typescript: false,
      tsconfig: "tsconfig.pulumi.json",
      nodeargs: "--inspect",
    });
  });

  it("names another runtime, an unknown one, a missing one and a mistyped option", () => {
    expect(() => nodeRuntimeOf({ name: "go" }, "P.yaml")).toThrow('P.yaml: runtime "go" is a go program; the offline plan runs "runtime: nodejs" programs only');
    expect(() => nodeRuntimeOf("nodjs", "P.yaml")).toThrow('P.yaml: runtime "nodjs" is not a runtime the offline plan knows');
    expect(() => nodeRuntimeOf(undefined, "P.yaml")).toThrow(ProgramSetupError);
    expect(() => nodeRuntimeOf({ name: "nodejs", options: { nodeargs: 4 } }, "P.yaml")).toThrow("P.yaml: runtime.options.nodeargs must be a string, got 4");
  });
});

describe("entry and working directory", () => {
  it("runs in main's folder (or main itself when a folder), else in the project folder", () => {
    write("src/index.ts");
    expect(programCwd(dir, undefined)).toBe(dir);
    expect(programCwd(dir, "src/index.ts")).toBe(path.join(dir, "src"));
    expect(programCwd(dir, "src")).toBe(path.join(dir, "src"));
    expect(() => programCwd(dir, "lib/index.js")).toThrow(`Pulumi.yaml main "lib/index.js" does not exist: ${path.join(dir, "lib", "index.js")}`);
  });

  it("picks package.json exports, then main, then index.js before index.ts (Node's order, as Pulumi)", () => {
    write("index.ts");
    expect(resolveEntry(dir, undefined)).toBe(path.join(dir, "index.ts"));
    write("index.js");
    expect(resolveEntry(dir, undefined)).toBe(path.join(dir, "index.js"));
    write("bin/main.js");
    write("package.json", JSON.stringify({ main: "bin/main.js" }));
    expect(resolveEntry(dir, undefined)).toBe(path.join(dir, "bin", "main.js"));
    write("dist/run.js");
    write("package.json", JSON.stringify({ main: "bin/main.js", exports: { ".": { import: "./dist/run.js" } } }));
    expect(resolveEntry(dir, undefined)).toBe(path.join(dir, "dist", "run.js"));
  });

  it("knows an ES module entry by extension or by the nearest package.json type", () => {
    write("a/index.ts");
    write("a/index.mts");
    write("a/index.cts");
    expect(isEsmEntry(path.join(dir, "a", "index.mts"))).toBe(true);
    write("package.json", '{ "type": "module" }');
    expect(isEsmEntry(path.join(dir, "a", "index.ts"))).toBe(true);
    expect(isEsmEntry(path.join(dir, "a", "index.cts"))).toBe(false);
    write("a/package.json", '{ "type": "commonjs" }');
    expect(isEsmEntry(path.join(dir, "a", "index.ts"))).toBe(false);
  });
});

describe("program errors", () => {
  const stack = (...frames: string[]) => ["Error: boom", ...frames.map((f) => `    at ${f}`)].join("\n");

  it("finds the first frame in the user's files, past the SDK's and node_modules", () => {
    const s = stack(
      "Object.<anonymous> (/x/node_modules/@pulumi/pulumi/resource.js:10:5)",
      `new Thing (${path.join(dir, "src", "thing.ts")}:7:11)`,
      `${pathToFileURL(path.join(dir, "index.ts")).href}:3:1`,
    );
    expect(userFrame(s, dir)).toBe(`${path.join("src", "thing.ts")}:7:11`);
    expect(userFrame(stack(`${pathToFileURL(path.join(dir, "index.ts")).href}:3:1`), dir)).toBe("index.ts:3:1");
    expect(userFrame(stack("node:internal/modules/cjs/loader:1:1", "/elsewhere/index.ts:1:1"), dir)).toBeUndefined();
  });

  it("says the message and where; verbose gives the whole stack", () => {
    const err = new Error("boom");
    err.stack = stack(`main (${path.join(dir, "index.ts")}:12:5)`);
    expect(describeProgramError(err, dir)).toBe("boom\n    at index.ts:12:5");
    expect(describeProgramError(err, dir, true)).toBe(err.stack);
    expect(describeProgramError("a string", dir)).toBe("a string");
  });
});

describe("majorOfRange", () => {
  it("reads the major a package.json range pins, and nothing from tags or protocols", () => {
    expect(["^6.66.0", "~5.4", "6.x", ">=6.1.0 <7", "7", "v3.1.0", "= 4.0.0"].map(majorOfRange)).toEqual([6, 5, 6, 6, 7, 3, 4]);
    expect(["latest", "*", "workspace:*", "catalog:", "file:../x"].map(majorOfRange)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

describe("prepareProgram", () => {
  it("says what Pulumi would do differently from what the author may expect, and checks nothing in a JavaScript program", () => {
    write("index.ts", "export const a: number = 'not checked';\n");
    write("index.js", "exports.a = 1;\n");
    const steps: string[] = [];
    const prepared = prepareProgram(dir, { project: "p", config: {}, secretKeys: [], runtime: "nodejs", noStackFile: path.join(dir, "Pulumi.qa.yaml") }, { onProgress: (s) => steps.push(s), cacheDir: dir });
    expect(prepared).toMatchObject({ entry: path.join(dir, "index.js"), cwd: dir });
    expect(prepared.warnings).toEqual([
      "no Pulumi.qa.yaml: the stack has no config of its own (Pulumi's rule), only Pulumi.yaml defaults",
      "index.js and index.ts are both present and Pulumi.yaml names no main: Pulumi runs index.js, and so does the plan",
    ]);
    expect(steps).toEqual([]);
    expect(prepared.typecheck).toBeUndefined();
  });
});
