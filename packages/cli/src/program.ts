// Runs a Pulumi TypeScript/JavaScript program the way Pulumi's Node.js language host does
// (sdk/nodejs/cmd/run/run.ts and pkg/engine/project.go in pulumi/pulumi): the runtime named in
// Pulumi.yaml, the entry file, the working directory, CommonJS or ES module loading, and what
// becomes the stack outputs.
import fs from "node:fs";
import Module from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { StackConfig } from "@mlops/testing";
import { providerPinWarnings } from "./provider-pins";
import { typecheckChoice, typecheckProgram, type TypecheckResult } from "./typecheck";

/** The platform repository root (packages/cli/lib → ../../..). */
export const PLATFORM_ROOT = path.resolve(__dirname, "..", "..", "..");

/** Where a program's imports fall back to when it has no node_modules of its own. */
export const FALLBACK_MODULE_DIRS = [
  path.join(PLATFORM_ROOT, "programs", "platform", "node_modules"),
  path.join(PLATFORM_ROOT, "packages", "cli", "node_modules"),
  path.join(PLATFORM_ROOT, "node_modules"),
];

/** The program cannot be run as asked (runtime, entry, options): the plan stops with exit 2. */
export class ProgramSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProgramSetupError";
  }
}

/** `runtime:` of Pulumi.yaml, as the Node.js language host reads it. */
export interface NodeRuntime {
  /** `options.typescript` (default true): TypeScript is compiled and type-checked. */
  typescript: boolean;
  /** `options.tsconfig`: the tsconfig file, relative to the program's directory. */
  tsconfig?: string;
  /** `options.nodeargs`: extra Node.js flags (not applied offline: the plan runs in its own process). */
  nodeargs?: string;
}

const OTHER_RUNTIMES = ["python", "go", "dotnet", "java", "yaml", "bun"];

/** Checks `runtime:` (a name, or `{ name, options }`) as the language host would; only nodejs plans offline. */
export function nodeRuntimeOf(runtime: unknown, projectFile: string): NodeRuntime {
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  const name = typeof runtime === "string" ? runtime : isRecord(runtime) ? runtime["name"] : undefined;
  if (name === undefined) throw new ProgramSetupError(`${projectFile} has no runtime: Pulumi requires one, and the offline plan runs "runtime: nodejs" programs (TypeScript or JavaScript)`);
  if (name !== "nodejs") {
    const known = typeof name === "string" && OTHER_RUNTIMES.includes(name) ? ` is a ${name} program` : ` is not a runtime the offline plan knows`;
    throw new ProgramSetupError(
      `${projectFile}: runtime ${JSON.stringify(name)}${known}; the offline plan runs "runtime: nodejs" programs only (TypeScript or JavaScript). Plan it with \`pulumi preview\` instead.`,
    );
  }
  const options = isRecord(runtime) ? runtime["options"] : undefined;
  if (options === undefined || options === null) return { typescript: true };
  if (!isRecord(options)) throw new ProgramSetupError(`${projectFile}: runtime.options must be a mapping, got ${JSON.stringify(options)}`);
  const out: NodeRuntime = { typescript: true };
  const typed = (key: string, type: "boolean" | "string"): unknown => {
    const v = options[key];
    if (v !== undefined && typeof v !== type) throw new ProgramSetupError(`${projectFile}: runtime.options.${key} must be a ${type}, got ${JSON.stringify(v)}`);
    return v;
  };
  if (typed("typescript", "boolean") === false) out.typescript = false;
  const tsconfig = typed("tsconfig", "string");
  if (typeof tsconfig === "string") out.tsconfig = tsconfig;
  const nodeargs = typed("nodeargs", "string");
  if (typeof nodeargs === "string" && nodeargs.trim() !== "") out.nodeargs = nodeargs;
  return out;
}

/** The program's directory as Pulumi runs it: `main`'s folder (or `main` itself when a folder), else the project's. */
export function programCwd(dir: string, main: string | undefined): string {
  if (!main) return dir;
  const target = path.resolve(dir, main);
  if (!fs.existsSync(target)) throw new ProgramSetupError(`Pulumi.yaml main ${JSON.stringify(main)} does not exist: ${target}`);
  return fs.statSync(target).isDirectory() ? target : path.dirname(target);
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
    return typeof v === "object" && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The nearest package.json from `dir` upwards (Pulumi's package root), if any. */
function nearestPackageJson(dir: string): { file: string; data: Record<string, unknown> } | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    const file = path.join(d, "package.json");
    if (fs.existsSync(file)) {
      const data = readJson(file);
      if (data) return { file, data };
    }
    if (path.dirname(d) === d) return undefined;
  }
}

/** package.json `exports` (string, or `"."` as a string or `{ default, require, import }`), then `main`. */
function packageEntry(pkg: Record<string, unknown>): string | undefined {
  const exp = pkg["exports"];
  if (typeof exp === "string") return exp;
  if (typeof exp === "object" && exp !== null) {
    const dot = (exp as Record<string, unknown>)["."];
    if (typeof dot === "string") return dot;
    if (typeof dot === "object" && dot !== null) {
      const d = dot as Record<string, unknown>;
      for (const k of ["default", "require", "import"]) if (typeof d[k] === "string") return d[k] as string;
    }
  }
  return typeof pkg["main"] === "string" ? pkg["main"] : undefined;
}

/**
 * The file Pulumi would run for a program directory: Pulumi.yaml `main` (a file, or a folder to
 * look in), else the folder's package.json `exports` or `main`, else index.js, index.ts (Node's
 * order: a compiled index.js next to index.ts wins, as in Pulumi).
 */
export function resolveEntry(dir: string, main: string | undefined): string {
  const base = main ? path.resolve(dir, main) : dir;
  if (fs.existsSync(base) && fs.statSync(base).isFile()) return base;
  if (fs.existsSync(base)) {
    const pkg = readJson(path.join(base, "package.json"));
    const pkgMain = pkg ? packageEntry(pkg) : undefined;
    if (pkgMain) {
      const candidate = path.resolve(base, pkgMain);
      for (const c of [candidate, `${candidate}.js`, `${candidate}.ts`, path.join(candidate, "index.js"), path.join(candidate, "index.ts")]) {
        if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
      }
    }
    for (const f of ["index.js", "index.ts", "index.mjs", "index.mts"]) if (fs.existsSync(path.join(base, f))) return path.join(base, f);
  }
  throw new ProgramSetupError(`no program entry found in ${base} (looked for Pulumi.yaml main, package.json exports and main, index.js, index.ts)`);
}

/** Whether Node runs the entry as an ES module: an .mjs/.mts file, or the nearest package.json says `"type": "module"`. */
export function isEsmEntry(entry: string): boolean {
  if (/\.m[jt]s$/.test(entry)) return true;
  if (/\.c[jt]s$/.test(entry)) return false;
  return nearestPackageJson(path.dirname(entry))?.data["type"] === "module";
}

const isBare = (request: string) => !request.startsWith(".") && !path.isAbsolute(request) && !/^[a-z]+:/i.test(request);

let fallbackInstalled = false;
let esmFallbackInstalled = false;
/** Set when the host refused module hooks: it has its own module registry (see importOrRequire). */
let hostOwnsModules = false;

/**
 * A program's imports resolve from its own node_modules first (Node's rule) and, when a package
 * is not there, from the platform's, so a team can plan a program it has not installed yet.
 * `require` goes through Module._resolveFilename; `import` through a module resolve hook.
 */
function installResolutionFallback(esm: boolean): void {
  if (esm) installEsmResolutionFallback();
  if (fallbackInstalled) return;
  fallbackInstalled = true;
  type Resolver = (request: string, parent: unknown, isMain: boolean, options?: { paths?: string[] }) => string;
  const mod = Module as unknown as { _resolveFilename: Resolver };
  const original = mod._resolveFilename;
  mod._resolveFilename = function (request, parent, isMain, options) {
    try {
      return original.call(this, request, parent, isMain, options);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND" || !isBare(request)) throw err;
      return original.call(this, request, parent, isMain, { paths: FALLBACK_MODULE_DIRS });
    }
  };
}

/**
 * The same for `import`, through a synchronous module hook (Node 22.15+), installed only for an
 * ES module program: every later resolution in the process goes through it.
 */
function installEsmResolutionFallback(): void {
  if (esmFallbackInstalled) return;
  esmFallbackInstalled = true;
  // Resolving from a file next to a fallback node_modules folder finds that folder's packages.
  const fallbackParents = FALLBACK_MODULE_DIRS.map((d) => pathToFileURL(path.join(path.dirname(d), "package.json")).href);
  const hooks: Module.RegisterHooksOptions = {
    resolve(specifier, context, nextResolve) {
      try {
        return nextResolve(specifier, context);
      } catch (err) {
        if (!isBare(specifier) || !/MODULE_NOT_FOUND/.test(String((err as NodeJS.ErrnoException).code))) throw err;
        for (const parentURL of fallbackParents) {
          try {
            return nextResolve(specifier, { ...context, parentURL });
          } catch {
            // try the next folder
          }
        }
        throw err;
      }
    },
  };
  try {
    Module.registerHooks?.(hooks);
  } catch {
    // A host with its own module system (a test runner) refuses hooks; it resolves imports itself.
    hostOwnsModules = true;
  }
}

let tsCjsRegistered = false;
let tsEsmRegistered = false;

/** Compiles TypeScript on load (tsx, with source maps so errors point into the user's .ts files). */
function registerTypeScript(esm: boolean): void {
  if (!esm && !tsCjsRegistered) {
    (require("tsx/cjs/api") as { register: () => void }).register();
    tsCjsRegistered = true;
  }
  if (esm && !tsEsmRegistered) {
    tsEsmRegistered = true;
    try {
      (require("tsx/esm/api") as { register: () => void }).register();
    } catch {
      // A host with its own module system (a test runner) refuses loader hooks; it compiles TypeScript itself.
    }
  }
}

// A real `import()`: TypeScript's CommonJS output would turn a literal one into require().
const dynamicImport = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<Record<string, unknown>>;


/** How many times each entry ran in this process, and what its module gave the last time. */
const runs = new Map<string, { count: number; loaded: unknown }>();

/**
 * A second plan of the same program in one process must run it again, not reuse the exports of
 * the first run (which registered its resources then): its own modules are evicted from the
 * require cache, and an ES module entry is imported under a new URL.
 */
function freshRequire(entry: string, projectDir: string): unknown {
  if (runs.has(entry)) {
    const own = (key: string) => key.startsWith(projectDir + path.sep) && !key.includes(`${path.sep}node_modules${path.sep}`);
    for (const key of Object.keys(require.cache)) if (own(key)) Reflect.deleteProperty(require.cache, key);
  }
  return require(entry);
}

/** Fails when a host that cannot evict modules (a test runner's registry) gave the first run's module back for a program that is not a function. */
function checkFresh(entry: string, loaded: unknown, isFunction: boolean): void {
  const previous = runs.get(entry);
  runs.set(entry, { count: (previous?.count ?? 0) + 1, loaded });
  if (previous && previous.loaded === loaded && !isFunction) {
    throw new ProgramSetupError(`${entry} already ran in this process and its module cannot be loaded again here: plan it in a new process`);
  }
}

async function importOrRequire(entry: string, projectDir: string): Promise<Record<string, unknown>> {
  // A host with its own module registry (a test runner) refused the module hooks: its require
  // loads the program, compiled by its own transform, as its vm context cannot import().
  if (hostOwnsModules) return freshRequire(entry, projectDir) as Record<string, unknown>;
  const run = runs.get(entry)?.count ?? 0;
  return dynamicImport(pathToFileURL(entry).href + (run > 0 ? `?run=${run}` : ""));
}

/** The outputs of an ES module, by Pulumi's rule: its default export, or its named exports, not both. */
function esmProgramExport(ns: Record<string, unknown>): unknown {
  const named = Object.keys(ns).filter((k) => k !== "default" && k !== "__esModule");
  if (!Object.prototype.hasOwnProperty.call(ns, "default")) return Object.fromEntries(named.map((k) => [k, ns[k]]));
  if (named.length > 0) {
    throw new ProgramSetupError(`the program's entry module has a default export and named exports (${named.join(", ")}): Pulumi expects one or the other`);
  }
  return ns["default"];
}

/** The outputs of a CommonJS module: `module.exports`, or the compiled default export when it is a function. */
function cjsProgramExport(loaded: unknown): unknown {
  const m = loaded as { __esModule?: boolean; default?: unknown } | undefined;
  if (m?.__esModule && typeof m.default === "function") return m.default;
  if (typeof loaded === "function") return loaded;
  return Object.fromEntries(Object.entries((loaded ?? {}) as Record<string, unknown>).filter(([k]) => k !== "__esModule" && k !== "default"));
}

/**
 * Loads a program module the way Pulumi's Node.js runtime does and returns what to run: an ES
 * module (`"type": "module"`, .mjs/.mts; top-level await allowed) is imported, anything else
 * required; an exported function is called and its result becomes the outputs; otherwise the
 * module's exports are the outputs (top-level `export const`).
 */
export function loadProgram(entry: string, projectDir = path.dirname(entry)): () => Promise<Record<string, unknown>> {
  const esm = isEsmEntry(entry);
  installResolutionFallback(esm);
  // Only TypeScript programs that were not compiled need tsx; the root program is plain JS.
  if (/\.[cm]?ts$/.test(entry)) registerTypeScript(esm);
  return async () => {
    const loaded = esm ? await importOrRequire(entry, projectDir) : freshRequire(entry, projectDir);
    const exported = esm ? esmProgramExport(loaded as Record<string, unknown>) : cjsProgramExport(loaded);
    checkFresh(entry, loaded, typeof exported === "function");
    if (typeof exported === "function") return ((await (exported as () => unknown)()) ?? {}) as Record<string, unknown>;
    return (exported ?? {}) as Record<string, unknown>;
  };
}

/** Runs `fn` with the program's directory as the working directory, as Pulumi does, and restores it. */
export async function inDirectory<T>(cwd: string, fn: () => Promise<T>): Promise<T> {
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    return await fn();
  } finally {
    process.chdir(previous);
  }
}

/** `file:line:col` of the first stack frame in the user's own files (under `dir`, not node_modules), relative to `dir`. */
export function userFrame(stack: string | undefined, dir: string): string | undefined {
  for (const line of (stack ?? "").split("\n")) {
    const m = /^\s*at (?:.*? \()?((?:file:\/\/)?[^()\s][^()]*?):(\d+):(\d+)\)?\s*$/.exec(line);
    if (!m || !m[1]) continue;
    let file = m[1];
    if (file.startsWith("file://")) file = fileURLToPath(file);
    if (!path.isAbsolute(file) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
    const rel = path.relative(dir, file);
    if (rel.startsWith("..") || path.isAbsolute(rel)) continue;
    return `${rel}:${m[2]}:${m[3]}`;
  }
  return undefined;
}

/** A program error for the user: its message and where in their code it was thrown; with `verbose`, the full stack. */
export function describeProgramError(err: unknown, dir: string, verbose = false): string {
  if (!(err instanceof Error)) return String(err);
  if (verbose && err.stack) return err.stack.includes(err.message) ? err.stack : `${err.message}\n${err.stack}`;
  const at = userFrame(err.stack, dir);
  return at ? `${err.message}\n    at ${at}` : err.message;
}

/** A program ready to run: where, what, and what the plan should tell the user about it. */
export interface PreparedProgram {
  /** The project folder (Pulumi.yaml's). */
  dir: string;
  entry: string;
  /** The working directory Pulumi would give it. */
  cwd: string;
  run: () => Promise<Record<string, unknown>>;
  warnings: string[];
  /** The type-check that ran, if one did. */
  typecheck?: TypecheckResult;
}

export interface PrepareOptions {
  /** false: skip the type-check; true: check even if the program opts out; undefined: the program's choice. */
  typecheck?: boolean | undefined;
  onProgress?: ((step: string) => void) | undefined;
  env?: NodeJS.ProcessEnv;
  /** Where type-check caches go; default: the platform's .toolchain/cache/typecheck. */
  cacheDir?: string;
}

/**
 * Everything Pulumi's Node.js runtime does before the program's first line: checks `runtime:`,
 * finds the entry and the working directory, type-checks TypeScript (unless the program or the
 * caller opts out), and notes what the offline plan does differently (nodeargs, provider majors).
 * Throws a ProgramSetupError for what would stop `pulumi preview`.
 */
export function prepareProgram(dir: string, stack: StackConfig, opts: PrepareOptions = {}): PreparedProgram {
  const projectFile = path.join(dir, "Pulumi.yaml");
  const runtime = nodeRuntimeOf(stack.runtime, projectFile);
  const cwd = programCwd(dir, stack.main);
  const entry = resolveEntry(dir, stack.main);
  const env = opts.env ?? process.env;
  const warnings: string[] = [];
  if (stack.noStackFile) warnings.push(`no ${path.basename(stack.noStackFile)}: the stack has no config of its own (Pulumi's rule), only Pulumi.yaml defaults`);
  if (runtime.nodeargs) warnings.push(`Pulumi.yaml runtime.options.nodeargs ${JSON.stringify(runtime.nodeargs)} is not applied: the offline plan runs the program inside its own Node.js process`);
  if (path.basename(entry) === "index.js" && fs.existsSync(path.join(path.dirname(entry), "index.ts"))) {
    warnings.push(`${path.relative(dir, entry) || entry} and index.ts are both present and Pulumi.yaml names no main: Pulumi runs index.js, and so does the plan`);
  }
  warnings.push(...providerPinWarnings(dir, FALLBACK_MODULE_DIRS));

  let typecheck: TypecheckResult | undefined;
  const esm = isEsmEntry(entry);
  const choice = typecheckChoice({ entry, cwd, typescript: runtime.typescript, ...(runtime.tsconfig ? { tsconfig: runtime.tsconfig } : {}), env });
  const check = opts.typecheck ?? choice.check;
  if (check && /\.[cm]?ts$/.test(entry)) {
    opts.onProgress?.(`type-checking ${path.relative(process.cwd(), entry) || entry}`);
    typecheck = typecheckProgram({
      entry,
      cwd,
      displayDir: dir,
      ...(runtime.tsconfig ? { tsconfig: runtime.tsconfig } : {}),
      env,
      esm,
      fallbackModuleDirs: FALLBACK_MODULE_DIRS,
      cacheDir: opts.cacheDir ?? path.join(PLATFORM_ROOT, ".toolchain", "cache", "typecheck"),
    });
    if (typecheck.errors.length > 0) {
      throw new ProgramSetupError(
        `the program has ${typecheck.errors.length} TypeScript error(s), which stop \`pulumi preview\` too ` +
          `(skip the check with compilerOptions.noCheck, "ts-node": { "transpileOnly": true } or PULUMI_NODEJS_TRANSPILE_ONLY=true):\n` +
          typecheck.errors.map((e) => `  ${e}`).join("\n"),
      );
    }
  }
  return { dir, entry, cwd, run: loadProgram(entry, dir), warnings, ...(typecheck ? { typecheck } : {}) };
}
