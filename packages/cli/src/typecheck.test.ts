import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CACHE_ENTRIES, typecheckChoice, typecheckProgram, type TypecheckRequest } from "./typecheck";

let dir: string;
let cacheDir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "mlops-tc-"));
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "mlops-tc-cache-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
// `types: []`: no @types/node to parse, so each check costs well under a second.
const cheapTsconfig = '{\n  // comments are allowed, as in any tsconfig\n  "compilerOptions": { "strict": true, "types": [] }\n}\n';
const request = (over: Partial<TypecheckRequest> = {}): TypecheckRequest => ({ entry: path.join(dir, "index.ts"), cwd: dir, displayDir: dir, env: {}, esm: false, fallbackModuleDirs: [], cacheDir, ...over });

describe("typecheckChoice: whether Pulumi's runner type-checks", () => {
  const choice = (env: NodeJS.ProcessEnv = {}, over: { entry?: string; typescript?: boolean; tsconfig?: string } = {}) =>
    typecheckChoice({ entry: path.join(dir, over.entry ?? "index.ts"), cwd: dir, typescript: over.typescript ?? true, env, ...(over.tsconfig ? { tsconfig: over.tsconfig } : {}) });

  it("checks TypeScript by default, never JavaScript, and not with runtime.options.typescript false", () => {
    expect(choice()).toEqual({ check: true, reason: "Pulumi type-checks TypeScript programs by default" });
    expect(choice({}, { entry: "index.js" }).check).toBe(false);
    expect(choice({}, { typescript: false })).toEqual({ check: false, reason: "Pulumi.yaml runtime.options.typescript is false" });
  });

  it("follows tsconfig noCheck and ts-node transpileOnly (JSON with comments too), with PULUMI_NODEJS_TRANSPILE_ONLY over both", () => {
    write("tsconfig.json", '{ "compilerOptions": { "noCheck": true } }');
    expect(choice()).toEqual({ check: false, reason: "tsconfig.json compilerOptions.noCheck" });
    expect(choice({ PULUMI_NODEJS_TRANSPILE_ONLY: "false" })).toEqual({ check: true, reason: "PULUMI_NODEJS_TRANSPILE_ONLY=false" });
    write("tsconfig.json", '{\n  // ts-node reads its own section\n  "ts-node": { "transpileOnly": true },\n}\n');
    expect(choice()).toEqual({ check: false, reason: 'tsconfig.json "ts-node": { "transpileOnly": true }' });
    write("tsconfig.pulumi.json", '{ "compilerOptions": { "strict": true } }');
    expect(choice({}, { tsconfig: "tsconfig.pulumi.json" }).check).toBe(true);
    expect(choice({ PULUMI_NODEJS_TRANSPILE_ONLY: "true" }, { tsconfig: "tsconfig.pulumi.json" })).toEqual({ check: false, reason: "PULUMI_NODEJS_TRANSPILE_ONLY=true" });
  });
});

describe("typecheckProgram", () => {
  it("reports errors as file:line:col - error TSxxxx, and caches a clean result until a file really changes", () => {
    write("tsconfig.json", cheapTsconfig);
    write("util.ts", "export const double = (n: number): number => n * 2;\n");
    write("index.ts", 'import { double } from "./util";\nexport const four: number = double(2);\n');
    expect(typecheckProgram(request())).toMatchObject({ errors: [], cache: "cold" });
    expect(typecheckProgram(request())).toMatchObject({ errors: [], cache: "hit" });
    // Saved again without a change (a new mtime): still a hit.
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(dir, "util.ts"), later, later);
    expect(typecheckProgram(request()).cache).toBe("hit");

    write("util.ts", 'export const double = (n: number): string => `${n * 2}`;\n');
    const failed = typecheckProgram(request());
    expect(failed).toMatchObject({ cache: "incremental", errors: ["index.ts:2:14 - error TS2322: Type 'string' is not assignable to type 'number'."] });
    // A failed check is never a hit: what it lacked may have appeared without changing its files.
    expect(typecheckProgram(request()).cache).toBe("incremental");
  });

  it("follows the tsconfig (strict) and Pulumi's ES module defaults (top-level await)", () => {
    write("tsconfig.json", cheapTsconfig);
    write("package.json", '{ "type": "module" }');
    write("index.ts", "const n = await Promise.resolve(2);\nexport const f = (x) => x + n;\n");
    expect(typecheckProgram(request({ esm: true })).errors).toEqual(["index.ts:2:19 - error TS7006: Parameter 'x' implicitly has an 'any' type."]);
  });

  it("names a tsconfig that was asked for and is missing, as Pulumi does", () => {
    write("index.ts", "export const a = 1;\n");
    expect(typecheckProgram(request({ tsconfig: "tsconfig.pulumi.json" })).errors).toEqual(["tsconfig path was set to tsconfig.pulumi.json but the file was not found"]);
  });

  it("keeps the cache bounded, dropping the least recently checked programs", () => {
    const old = new Date(Date.now() - 3600_000);
    for (let i = 0; i < CACHE_ENTRIES; i++) {
      for (const ext of ["json", "tsbuildinfo"]) fs.writeFileSync(path.join(cacheDir, `old-${i}.${ext}`), "{}");
      fs.utimesSync(path.join(cacheDir, `old-${i}.json`), new Date(old.getTime() + i), new Date(old.getTime() + i));
    }
    write("tsconfig.json", cheapTsconfig);
    write("index.ts", "export const a: number = 1;\n");
    typecheckProgram(request());
    const left = fs.readdirSync(cacheDir);
    expect(left.filter((f) => f.endsWith(".json"))).toHaveLength(CACHE_ENTRIES);
    expect(left).not.toContain("old-0.json");
    expect(left).not.toContain("old-0.tsbuildinfo");
    expect(left).toContain("old-1.json");
  });
});
