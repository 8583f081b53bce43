import fs from "node:fs";
import Module from "node:module";
import path from "node:path";

/** The platform repository root (packages/cli/lib → ../../..). */
export const PLATFORM_ROOT = path.resolve(__dirname, "..", "..", "..");

/** Where a program's imports fall back to when it has no node_modules of its own. */
const FALLBACK_MODULE_DIRS = [
  path.join(PLATFORM_ROOT, "programs", "platform", "node_modules"),
  path.join(PLATFORM_ROOT, "packages", "cli", "node_modules"),
  path.join(PLATFORM_ROOT, "node_modules"),
];

/** The file Pulumi would run for a program directory: Pulumi.yaml `main`, package.json `main`, or index.ts/js. */
export function resolveEntry(dir: string, main: string | undefined): string {
  const base = main ? path.resolve(dir, main) : dir;
  if (fs.existsSync(base) && fs.statSync(base).isFile()) return base;
  if (fs.existsSync(base)) {
    const pkgPath = path.join(base, "package.json");
    if (fs.existsSync(pkgPath)) {
      const pkgMain = (JSON.parse(fs.readFileSync(pkgPath, "utf8")) as { main?: string }).main;
      if (pkgMain) {
        const candidate = path.resolve(base, pkgMain);
        for (const c of [candidate, `${candidate}.js`, `${candidate}.ts`, path.join(candidate, "index.js"), path.join(candidate, "index.ts")]) {
          if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
        }
      }
    }
    for (const f of ["index.ts", "index.js"]) if (fs.existsSync(path.join(base, f))) return path.join(base, f);
  }
  throw new Error(`no program entry found in ${dir} (looked for Pulumi.yaml main, package.json main, index.ts, index.js)`);
}

let fallbackInstalled = false;

/**
 * A program's imports resolve from its own node_modules first (Node's rule) and, when a package
 * is not there, from the platform's, so a team can plan a program it has not installed yet.
 */
function installResolutionFallback(): void {
  if (fallbackInstalled) return;
  fallbackInstalled = true;
  type Resolver = (request: string, parent: unknown, isMain: boolean, options?: { paths?: string[] }) => string;
  const mod = Module as unknown as { _resolveFilename: Resolver };
  const original = mod._resolveFilename;
  mod._resolveFilename = function (request, parent, isMain, options) {
    try {
      return original.call(this, request, parent, isMain, options);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND" || request.startsWith(".") || path.isAbsolute(request)) throw err;
      return original.call(this, request, parent, isMain, { paths: FALLBACK_MODULE_DIRS });
    }
  };
}

let tsRegistered = false;

/**
 * Loads a program module the way Pulumi's Node.js runtime does and returns what to run: an
 * exported function is called and its result becomes the outputs; otherwise the module's
 * exports are the outputs (top-level `export const`).
 */
export function loadProgram(entry: string): () => Promise<Record<string, unknown>> {
  installResolutionFallback();
  if (/\.[cm]?ts$/.test(entry) && !tsRegistered) {
    // Loaded only for TypeScript programs that were not compiled; the root program is plain JS.
    (require("tsx/cjs/api") as { register: () => void }).register();
    tsRegistered = true;
  }
  return async () => {
    const loaded = require(entry) as unknown;
    const exported = (loaded as { __esModule?: boolean; default?: unknown })?.__esModule && typeof (loaded as { default?: unknown }).default === "function"
      ? (loaded as { default: unknown }).default
      : loaded;
    if (typeof exported === "function") return ((await (exported as () => unknown)()) ?? {}) as Record<string, unknown>;
    return Object.fromEntries(Object.entries((exported ?? {}) as Record<string, unknown>).filter(([k]) => k !== "__esModule" && k !== "default"));
  };
}
