// Type-checks a TypeScript program as Pulumi's Node.js runner does before running it (ts-node in
// type-check mode): the entry and the user files it imports, with the program's tsconfig over
// Pulumi's defaults; diagnostics in library declarations are not reported. Results are cached:
// an unchanged, clean program costs a few file stats; a changed one re-checks incrementally from
// TypeScript's build info. The cache lives under the platform's .toolchain/, never in the program.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type * as TS from "typescript";

/** Why a program is or is not type-checked, by the rules of Pulumi's runner. */
export interface TypecheckChoice {
  check: boolean;
  reason: string;
}

/** What the runner reads to decide whether to type-check (everything but the tsconfig, which {@link typecheckChoice} reads). */
export interface ChoiceInput {
  entry: string;
  /** The program's working directory: tsconfig paths are relative to it. */
  cwd: string;
  /** Pulumi.yaml runtime.options.typescript (default true). */
  typescript: boolean;
  /** Pulumi.yaml runtime.options.tsconfig, else PULUMI_NODEJS_TSCONFIG_PATH, else tsconfig.json. */
  tsconfig?: string;
  env: NodeJS.ProcessEnv;
}

const isTypeScript = (file: string) => /\.[cm]?ts$/.test(file) && !/\.d\.[cm]?ts$/.test(file);

/** The tsconfig file the runner reads: runtime.options.tsconfig, PULUMI_NODEJS_TSCONFIG_PATH or tsconfig.json, from the program's directory. */
export function tsconfigPath(input: Pick<ChoiceInput, "cwd" | "tsconfig" | "env">): { file: string; explicit: boolean } {
  const given = input.tsconfig ?? input.env["PULUMI_NODEJS_TSCONFIG_PATH"];
  return { file: path.resolve(input.cwd, given ?? "tsconfig.json"), explicit: given !== undefined };
}

function loadTs(): typeof TS {
  return require("typescript") as typeof TS;
}

/** tsconfig's own `compilerOptions` and `ts-node` sections (Pulumi reads them without `extends`). */
function rawTsconfig(file: string): { compilerOptions: Record<string, unknown>; tsNode: Record<string, unknown> } {
  if (!fs.existsSync(file)) return { compilerOptions: {}, tsNode: {} };
  const text = fs.readFileSync(file, "utf8");
  let parsed: Record<string, Record<string, unknown> | undefined> | undefined;
  try {
    // Most tsconfigs are plain JSON: loading the compiler (~0.4 s) only for comments is worth avoiding.
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    parsed = loadTs().parseConfigFileTextToJson(file, text).config as typeof parsed;
  }
  return { compilerOptions: parsed?.["compilerOptions"] ?? {}, tsNode: parsed?.["ts-node"] ?? {} };
}

/**
 * Pulumi's runner type-checks a TypeScript entry unless `runtime.options.typescript` is false, or
 * PULUMI_NODEJS_TRANSPILE_ONLY is set (true: skip; anything else: check), or the tsconfig says
 * `compilerOptions.noCheck` or `"ts-node": { "transpileOnly": true }`.
 */
export function typecheckChoice(input: ChoiceInput): TypecheckChoice {
  if (!isTypeScript(input.entry)) return { check: false, reason: "the program is JavaScript" };
  if (!input.typescript) return { check: false, reason: "Pulumi.yaml runtime.options.typescript is false" };
  const env = input.env["PULUMI_NODEJS_TRANSPILE_ONLY"];
  if (env) return env === "true" ? { check: false, reason: "PULUMI_NODEJS_TRANSPILE_ONLY=true" } : { check: true, reason: `PULUMI_NODEJS_TRANSPILE_ONLY=${env}` };
  const { file } = tsconfigPath(input);
  const raw = rawTsconfig(file);
  if (raw.compilerOptions["noCheck"] === true) return { check: false, reason: `${path.basename(file)} compilerOptions.noCheck` };
  if (raw.tsNode["transpileOnly"] === true) return { check: false, reason: `${path.basename(file)} "ts-node": { "transpileOnly": true }` };
  return { check: true, reason: "Pulumi type-checks TypeScript programs by default" };
}

export interface TypecheckRequest {
  entry: string;
  cwd: string;
  /** Diagnostics name files relative to this folder (the program's project folder). */
  displayDir: string;
  tsconfig?: string;
  env: NodeJS.ProcessEnv;
  /** The entry is an ES module (Pulumi's defaults differ: target ES2022). */
  esm: boolean;
  /** node_modules folders imports fall back to when the program has none (the plan runs it the same way). */
  fallbackModuleDirs: readonly string[];
  /** Where the cache files go (one pair per program and options). */
  cacheDir: string;
}

export interface TypecheckResult {
  /** `file:line:col - error TSxxxx: message`, one per diagnostic (continuation lines indented). */
  errors: string[];
  /** hit: unchanged clean program, nothing re-checked; incremental: re-checked from build info; cold: no cache. */
  cache: "hit" | "incremental" | "cold";
  ms: number;
}

/** Diagnostics ts-node ignores by default: rootDir, empty `files`, no inputs (it compiles files one by one). */
const IGNORED_CODES = new Set([6059, 18002, 18003]);

/** Each file of the last check: path, mtime, size, and for the user's own files a content hash (an editor's save without a change is no change). */
type FileStamp = [string, number, number] | [string, number, number, string];

interface Stamp {
  files: FileStamp[];
  errors: string[];
}

const hashOf = (file: string) => crypto.createHash("sha1").update(fs.readFileSync(file)).digest("hex");
const isLibrary = (file: string) => file.includes("/node_modules/");

function stampOf(files: readonly string[]): FileStamp[] {
  return files.map((f) => {
    const st = fs.statSync(f, { throwIfNoEntry: false });
    if (!st) return [f, -1, -1];
    return isLibrary(f) ? [f, st.mtimeMs, st.size] : [f, st.mtimeMs, st.size, hashOf(f)];
  });
}

function unchanged(stamp: Stamp): boolean {
  return stamp.files.every(([f, mtime, size, hash]) => {
    const st = fs.statSync(f, { throwIfNoEntry: false });
    if (st === undefined || st.size !== size) return false;
    return st.mtimeMs === mtime || (hash !== undefined && hashOf(f) === hash);
  });
}

const isBare = (request: string) => !request.startsWith(".") && !path.isAbsolute(request) && !/^[a-z]+:/i.test(request);

/** node_modules/@types folders Node would find from `dir` upwards. */
function typeRootsFrom(dir: string): string[] {
  const out: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    const t = path.join(d, "node_modules", "@types");
    if (fs.existsSync(t)) out.push(t);
    if (path.dirname(d) === d) return out;
  }
}

/** Type-checks the program (see the file comment); `errors` is empty when it is clean. */
export function typecheckProgram(req: TypecheckRequest): TypecheckResult {
  const started = Date.now();
  const { file: configFile, explicit } = tsconfigPath(req);
  const hasConfig = fs.existsSync(configFile);
  if (!hasConfig && explicit) {
    return { errors: [`tsconfig path was set to ${path.relative(req.displayDir, configFile) || configFile} but the file was not found`], cache: "cold", ms: Date.now() - started };
  }
  // A program without node_modules of its own is typed against the packages it runs with.
  const fallbackTypes = typeRootsFrom(req.cwd).length === 0;

  // The cache key holds everything the options derive from but the config files' contents (the
  // stamp holds those), so that a hit does not even load the compiler.
  const tsVersion = (require("typescript/package.json") as { version: string }).version;
  const key = crypto
    .createHash("sha256")
    .update(JSON.stringify({ entry: req.entry, cwd: req.cwd, configFile, hasConfig, esm: req.esm, fallbackTypes, ts: tsVersion, fallback: req.fallbackModuleDirs }))
    .digest("hex")
    .slice(0, 16);
  fs.mkdirSync(req.cacheDir, { recursive: true });
  const base = path.join(req.cacheDir, `${path.basename(req.displayDir)}-${key}`);
  const stampFile = `${base}.json`;
  const buildInfo = `${base}.tsbuildinfo`;

  // An unchanged program that was clean is still clean. A failed one is re-checked: what it
  // lacked (a package, a file) may have appeared since, and that is no file of the old program.
  const cache: TypecheckResult["cache"] = fs.existsSync(buildInfo) ? "incremental" : "cold";
  if (fs.existsSync(stampFile)) {
    try {
      const stamp = JSON.parse(fs.readFileSync(stampFile, "utf8")) as Stamp;
      if (stamp.errors.length === 0 && unchanged(stamp)) {
        const now = new Date();
        fs.utimesSync(stampFile, now, now); // recently used: kept by pruneCache
        return { errors: [], cache: "hit", ms: Date.now() - started };
      }
    } catch {
      // a torn or old stamp: check again
    }
  }

  const ts = loadTs();
  const format = formatter(ts, req.displayDir);
  const configErrors: TS.Diagnostic[] = [];
  const configFiles: string[] = [];
  let fileOptions: TS.CompilerOptions = {};
  if (hasConfig) {
    const host: TS.ParseConfigHost = {
      ...ts.sys,
      readFile: (f) => {
        configFiles.push(path.resolve(f));
        return ts.sys.readFile(f);
      },
    };
    const read = ts.readConfigFile(configFile, host.readFile);
    if (read.error) configErrors.push(read.error);
    const parsed = ts.parseJsonConfigFileContent(read.config ?? {}, host, path.dirname(configFile), undefined, configFile);
    configErrors.push(...parsed.errors);
    fileOptions = parsed.options;
  }

  // Pulumi's defaults, under the program's own options (run.ts), then what a check-only run needs.
  const options: TS.CompilerOptions = {
    target: req.esm ? ts.ScriptTarget.ES2022 : ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    ...fileOptions,
    noEmit: true,
    incremental: true,
    composite: false,
    declaration: false,
    declarationMap: false,
    emitDeclarationOnly: false,
    // Only the user's files are reported (ts-node's rule): declarations need no check of their own.
    skipLibCheck: true,
  };
  delete options.outDir;
  delete options.rootDir;
  options.tsBuildInfoFile = buildInfo;
  if (options.typeRoots === undefined && fallbackTypes) {
    options.typeRoots = req.fallbackModuleDirs.map((d) => path.join(d, "@types")).filter((d) => fs.existsSync(d));
  }

  const host = ts.createIncrementalCompilerHost(options, ts.sys);
  host.getCurrentDirectory = () => req.cwd;
  // As tsc does: JSDoc in .ts/.d.ts files is not needed for type errors, and the provider SDKs'
  // declarations are mostly documentation (a third of the parse time of an @pulumi/aws program).
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  const resolutionCache = ts.createModuleResolutionCache(req.cwd, (f) => (host.useCaseSensitiveFileNames() ? f : f.toLowerCase()), options);
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, opts, containingSourceFile) =>
    literals.map((lit) => {
      const mode = ts.getModeForUsageLocation(containingSourceFile, lit, opts);
      const first = ts.resolveModuleName(lit.text, containingFile, opts, host, resolutionCache, redirected, mode);
      if (first.resolvedModule || !isBare(lit.text)) return first;
      for (const dir of req.fallbackModuleDirs) {
        const again = ts.resolveModuleName(lit.text, path.join(path.dirname(dir), "__plan_fallback__.ts"), opts, host, resolutionCache, redirected, mode);
        if (again.resolvedModule) return again;
      }
      return first;
    });
  const builder = ts.createIncrementalProgram({ rootNames: [req.entry], options, host, configFileParsingDiagnostics: configErrors });
  const diagnostics: TS.Diagnostic[] = [...configErrors, ...builder.getOptionsDiagnostics(), ...builder.getGlobalDiagnostics()];
  const sources = builder.getSourceFiles();
  for (const sf of sources) {
    if (sf.isDeclarationFile || isLibrary(sf.fileName)) continue;
    diagnostics.push(...builder.getSyntacticDiagnostics(sf), ...builder.getSemanticDiagnostics(sf));
  }
  builder.emit(); // writes the build info only (noEmit)
  const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error && !IGNORED_CODES.has(d.code)).map(format);
  const stamp: Stamp = { files: stampOf([...new Set([...configFiles, ...sources.map((s) => path.resolve(s.fileName))])]), errors };
  // Written whole or not at all: plans run side by side (test workers) share the cache.
  const tmp = `${stampFile}.${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(stamp));
  fs.renameSync(tmp, stampFile);
  pruneCache(req.cacheDir);
  return { errors: [...new Set(errors)], cache, ms: Date.now() - started };
}

/** Programs checked once (a temporary folder) must not fill the disk: the least recently checked go first. */
export const CACHE_ENTRIES = 64;

function pruneCache(cacheDir: string): void {
  const stamps = fs
    .readdirSync(cacheDir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => ({ f, at: fs.statSync(path.join(cacheDir, f), { throwIfNoEntry: false })?.mtimeMs ?? 0 }));
  if (stamps.length <= CACHE_ENTRIES) return;
  stamps.sort((a, b) => a.at - b.at);
  for (const { f } of stamps.slice(0, stamps.length - CACHE_ENTRIES)) {
    for (const file of [f, f.replace(/\.json$/, ".tsbuildinfo")]) fs.rmSync(path.join(cacheDir, file), { force: true });
  }
}

/** `index.ts:12:5 - error TS2322: Type 'number' is not assignable to type 'string'.` */
function formatter(ts: typeof TS, displayDir: string): (d: TS.Diagnostic) => string {
  return (d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n").replace(/\n/g, "\n    ");
    if (!d.file || d.start === undefined) return `error TS${d.code}: ${message}`;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${path.relative(displayDir, d.file.fileName) || d.file.fileName}:${line + 1}:${character + 1} - error TS${d.code}: ${message}`;
  };
}
