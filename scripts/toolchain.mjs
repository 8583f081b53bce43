#!/usr/bin/env node
// The one entry behind `npm test`, `npm run plan` and `npm run bench`.
//
// It runs on whatever Node the machine has (Node 20 here) and makes sure the real toolchain
// is present before handing over: Node >= 22 (current @pulumi/pulumi needs it) and the pnpm
// pinned in package.json. On a machine that already has both it only calls them; otherwise it
// installs them from the npm registry into .toolchain/ (git-ignored). Dependencies are
// installed from the lockfile and the TypeScript build is refreshed only when their inputs
// changed, so a repeated `npm run plan` pays for none of it.
//
// Plain Node, no dependencies: nothing is installed yet when this runs.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { incompleteBuilds } from "./build-outputs.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const toolDir = path.join(root, ".toolchain");
const NODE_VERSION = "22.23.3";
const MIN_NODE_MAJOR = 22;
// 22.15: module.registerHooks, which the plan uses to load ES-module programs (imports fall back to ours).
const MIN_NODE_MINOR = 15;
const pnpmVersion = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))
  .packageManager.replace(/^pnpm@/, "");

function log(msg) {
  process.stderr.write(`[toolchain] ${msg}\n`);
}

/** A long step: a progress line before it, how long it took after (so a silent minute is explained). */
function step(what, fn) {
  log(`… ${what}`);
  const t0 = Date.now();
  const result = fn();
  log(`${what}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return result;
}

function fail(msg) {
  process.stderr.write(`[toolchain] error: ${msg}\n`);
  process.exit(2);
}

function run(cmd, args, env, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env, ...opts });
  if (r.error) fail(`could not start ${cmd}: ${r.error.message}`);
  return r.status ?? 1;
}

function nodeIsRecent(version) {
  const [major, minor] = version.replace(/^v/, "").split(".").map(Number);
  return major > MIN_NODE_MAJOR || (major === MIN_NODE_MAJOR && minor >= MIN_NODE_MINOR);
}

function which(bin, env) {
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    const p = path.join(dir, bin);
    if (dir && fs.existsSync(p)) return p;
  }
  return undefined;
}

function output(cmd, args, env) {
  const r = spawnSync(cmd, args, { env, encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** `pnpm --version` costs ~0.4 s, so the answer is kept per pnpm binary (path and mtime). */
function systemPnpmVersion(pnpm, env) {
  const key = `${fs.realpathSync(pnpm)}:${fs.statSync(pnpm).mtimeMs}`;
  const stamp = path.join(toolDir, "system-pnpm.json");
  try {
    const cached = JSON.parse(fs.readFileSync(stamp, "utf8"));
    if (cached.key === key) return cached.version;
  } catch {
    // no cache yet
  }
  const version = output(pnpm, ["--version"], env);
  fs.mkdirSync(toolDir, { recursive: true });
  fs.writeFileSync(stamp, JSON.stringify({ key, version }));
  return version;
}

/** Node >= 22 and the pinned pnpm: the machine's own when it has them, else .toolchain/. */
function ensureToolchain() {
  const env = { ...process.env };
  const localBin = path.join(toolDir, "node_modules", ".bin");
  const systemPnpm = which("pnpm", env);
  if (nodeIsRecent(process.version) && systemPnpm && systemPnpmVersion(systemPnpm, env) === pnpmVersion) {
    return { env, node: process.execPath, pnpm: systemPnpm };
  }
  const nodePkg = `node-${process.platform}-${process.arch}`;
  const manifest = {
    name: "mlops-toolchain",
    private: true,
    description: "Node and pnpm for this repository, installed by scripts/toolchain.mjs",
    dependencies: {
      ...(nodeIsRecent(process.version) ? {} : { [nodePkg]: NODE_VERSION }),
      pnpm: pnpmVersion,
    },
  };
  const manifestText = JSON.stringify(manifest, null, 2) + "\n";
  const manifestPath = path.join(toolDir, "package.json");
  const installed = fs.existsSync(manifestPath) && fs.readFileSync(manifestPath, "utf8") === manifestText
    && fs.existsSync(path.join(toolDir, "node_modules", ".installed"));
  if (!installed) {
    fs.mkdirSync(toolDir, { recursive: true });
    fs.writeFileSync(manifestPath, manifestText);
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const status = step(`installing ${Object.entries(manifest.dependencies).map(([k, v]) => `${k}@${v}`).join(" ")} into .toolchain/`, () =>
      run(npm, ["install", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error"], env, { cwd: toolDir }));
    if (status !== 0) fail("npm could not install the toolchain (is the npm registry reachable?)");
    fs.writeFileSync(path.join(toolDir, "node_modules", ".installed"), new Date().toISOString() + "\n");
  }
  env.PATH = [localBin, env.PATH].join(path.delimiter);
  const node = nodeIsRecent(process.version) ? process.execPath : path.join(toolDir, "node_modules", nodePkg, "bin", "node");
  return { env, node, pnpm: path.join(localBin, "pnpm") };
}

function digest(parts) {
  return createHash("sha256").update(parts.join("\n")).digest("hex");
}

function stampMatches(name, value) {
  const p = path.join(toolDir, name);
  return fs.existsSync(p) && fs.readFileSync(p, "utf8") === value;
}

function writeStamp(name, value) {
  fs.mkdirSync(toolDir, { recursive: true });
  fs.writeFileSync(path.join(toolDir, name), value);
}

/** Dependencies from the lockfile, re-installed only when the lockfile or a manifest changed. */
function ensureDependencies(tc) {
  const inputs = ["pnpm-lock.yaml", "pnpm-workspace.yaml", ...workspaceDirs().map((d) => path.join(d, "package.json"))];
  const key = digest(inputs.map((f) => {
    const p = path.join(root, f);
    return fs.existsSync(p) ? `${f}:${fs.readFileSync(p, "utf8")}` : `${f}:-`;
  }));
  if (stampMatches("deps.stamp", key) && fs.existsSync(path.join(root, "node_modules", ".modules.yaml"))) return;
  const frozen = fs.existsSync(path.join(root, "pnpm-lock.yaml")) ? ["--frozen-lockfile"] : [];
  if (step("installing dependencies from pnpm-lock.yaml", () => run(tc.pnpm, ["install", ...frozen, "--reporter=append-only"], { ...tc.env, CI: "true" })) !== 0) {
    fail("pnpm install failed");
  }
  writeStamp("deps.stamp", key);
}

function workspaceDirs() {
  const dirs = ["."];
  for (const group of ["packages", "programs"]) {
    const base = path.join(root, group);
    if (!fs.existsSync(base)) continue;
    for (const d of fs.readdirSync(base)) {
      if (fs.existsSync(path.join(base, d, "package.json"))) dirs.push(path.join(group, d));
    }
  }
  dirs.push("tests");
  return dirs;
}

/** The workspace packages `tsc -b` builds (each src/ to lib/). */
function builtDirs() {
  return workspaceDirs().filter((d) => d !== "." && d !== "tests");
}

function walk(dir, out) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else out.push(`${path.relative(root, p)}:${fs.statSync(p).mtimeMs}:${fs.statSync(p).size}`);
  }
}

/** The compiled lib/ folders, rebuilt with `tsc -b` when a source or tsconfig changed or an output is missing. */
function ensureBuild(tc) {
  const files = [];
  for (const d of builtDirs()) {
    walk(path.join(root, d, "src"), files);
    files.push(`${d}/tsconfig.json:${fs.statSync(path.join(root, d, "tsconfig.json")).mtimeMs}`);
  }
  files.push(`tsconfig.base.json:${fs.statSync(path.join(root, "tsconfig.base.json")).mtimeMs}`);
  const key = digest(files.sort());
  const incomplete = incompleteBuilds(root, builtDirs());
  if (incomplete.length > 0) log(`build output missing in ${incomplete.join(", ")}: rebuilding`);
  else if (stampMatches("build.stamp", key)) return;
  const what = fs.existsSync(path.join(toolDir, "build.stamp")) ? "building (tsc -b)" : "building (tsc -b; the first build takes a minute or two)";
  if (step(what, () => run(tc.pnpm, ["run", "--silent", "build"], tc.env)) !== 0) fail("the TypeScript build failed");
  writeStamp("build.stamp", key);
}

const [command = "test", ...args] = process.argv.slice(2);
const tc = ensureToolchain();
ensureDependencies(tc);

switch (command) {
  case "test": {
    // tsc -b, ESLint and jest with coverage; the build stamp is refreshed by the type-check.
    const incomplete = incompleteBuilds(root, builtDirs());
    if (incomplete.length > 0) log(`build output missing in ${incomplete.join(", ")}: the type-check rebuilds it`);
    const status = step("testing: type-check (tsc -b), ESLint, jest with coverage", () => run(tc.pnpm, ["run", "--silent", "test:ci", ...args], tc.env));
    process.exit(status);
    break;
  }
  case "plan":
  case "mlops": {
    ensureBuild(tc);
    const cliArgs = command === "plan" ? ["plan", ...args] : args;
    process.exit(run(tc.node, [path.join(root, "packages", "cli", "lib", "bin.js"), ...cliArgs], tc.env, { cwd: process.env.INIT_CWD ?? process.cwd() }));
    break;
  }
  case "bench": {
    ensureBuild(tc);
    process.exit(run(tc.node, [path.join(root, "scripts", "bench.mjs"), ...args], tc.env));
    break;
  }
  case "exec": {
    // `node scripts/toolchain.mjs exec <cmd> ...`: any command with the toolchain on PATH.
    const [cmd, ...rest] = args;
    if (!cmd) fail("exec needs a command");
    process.exit(run(cmd, rest, tc.env));
    break;
  }
  default:
    fail(`unknown command "${command}"; allowed: test, plan, mlops, bench, exec`);
}
