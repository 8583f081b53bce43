#!/usr/bin/env node
// Benchmarks the offline plan over the corpus (tests/fixtures/corpus): each program through the
// built CLI, as a user runs it, with type-checking (the default, as Pulumi's runner does) and
// without (`--no-typecheck`). Not a test: it prints a markdown table for the README.
//
//   node scripts/bench-corpus.mjs                     3 runs of every program, taken in turn
//   node scripts/bench-corpus.mjs --runs 5            more runs
//   node scripts/bench-corpus.mjs aws-ts-eks ...      only these programs
//
// Needs the build (`tsc -b`). Each run is `node packages/cli/lib/bin.js plan corpus --program
// <dir> --no-tree` (plus `--mocks <dir>/mocks.yaml` where the program has one); the programs are
// taken in turn, run after run, so a slow moment of the machine spreads over all of them. The
// first type-checking run of each program is also shown on its own: it pays for the type-check
// cache as it was found (cold after a fresh clone or a change of the program).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpus = path.join(root, "tests", "fixtures", "corpus");
const bin = path.join(root, "packages", "cli", "lib", "bin.js");

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 15)) {
  console.error(`bench-corpus: Node ${process.version} is not allowed: the plan needs Node >= 22.15 (module.registerHooks) (run it with the toolchain's: PATH=.toolchain/node_modules/.bin:$PATH)`);
  process.exit(2);
}
const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`bench-corpus: --runs ${args[runsAt + 1] ?? ""} is not allowed: give a whole number of runs, 1 or more`);
  process.exit(2);
}
const named = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--runs");
const all = fs.readdirSync(corpus).filter((d) => fs.existsSync(path.join(corpus, d, "Pulumi.yaml"))).sort();
const unknown = named.filter((n) => !all.includes(n));
if (unknown.length) {
  console.error(`bench-corpus: no corpus program ${unknown.join(", ")}; the programs are: ${all.join(", ")}`);
  process.exit(2);
}
const programs = named.length ? named : all;
if (!fs.existsSync(bin)) {
  console.error("bench-corpus: packages/cli/lib/bin.js is missing: build first (`tsc -b`)");
  process.exit(2);
}

const help = spawnSync(process.execPath, [bin, "plan", "--help"], { cwd: root, encoding: "utf8" }).stdout ?? "";
const hasNoTypecheck = help.includes("--no-typecheck");
const hasMocks = help.includes("--mocks");

function planArgs(name, typecheck) {
  const dir = path.join(corpus, name);
  const out = [bin, "plan", "corpus", "--program", dir, "--no-tree"];
  const mocks = path.join(dir, "mocks.yaml");
  if (hasMocks && fs.existsSync(mocks)) out.push("--mocks", mocks);
  if (!typecheck) out.push("--no-typecheck");
  return out;
}

function timed(cmdArgs) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, cmdArgs, { cwd: root, encoding: "utf8" });
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, code: r.status ?? -1, error: r.status === 2 ? (r.stderr ?? "").trim().split("\n").slice(0, 2).map((l) => l.trim()).join(" ") : undefined };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const modes = hasNoTypecheck ? ["typecheck", "no-typecheck"] : ["typecheck"];
const results = Object.fromEntries(programs.map((p) => [p, { first: undefined, codes: { typecheck: new Set(), "no-typecheck": new Set() }, errors: {}, typecheck: [], "no-typecheck": [] }]));
for (let i = 0; i < runs; i++) {
  for (const p of programs) {
    for (const mode of modes) {
      const r = timed(planArgs(p, mode === "typecheck"));
      const entry = results[p];
      if (mode === "typecheck" && entry.first === undefined) entry.first = r.ms;
      else entry[mode].push(r.ms);
      entry.codes[mode].add(r.code);
      entry.errors[mode] ??= r.error;
    }
    process.stderr.write(".");
  }
}
process.stderr.write("\n");

const fmt = (ms) => (ms === undefined || Number.isNaN(ms) ? "n/a" : `${ms.toFixed(0)} ms`);
console.log(`Machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}; ${runs} run(s) of each program, taken in turn; medians`);
if (!hasNoTypecheck) console.log("The CLI has no --no-typecheck flag yet: only the default mode is timed.");
if (!hasMocks) console.log("The CLI has no --mocks flag yet: programs with a mocks.yaml ran without it.");
console.log("");
console.log("| program | exit (checked / not) | first run (type-check cache as found) | type-checked | --no-typecheck |");
console.log("|---|---|---|---|---|");
const codesOf = (set) => [...set].join(" or ") || "n/a";
const totals = { first: 0, typecheck: 0, "no-typecheck": 0 };
for (const p of programs) {
  const e = results[p];
  // With one run, the type-checked median is the first run itself.
  const tc = e.typecheck.length ? median(e.typecheck) : e.first;
  const ntc = e["no-typecheck"].length ? median(e["no-typecheck"]) : undefined;
  totals.first += e.first;
  totals.typecheck += tc;
  if (ntc !== undefined) totals["no-typecheck"] += ntc;
  console.log(`| ${p} | ${codesOf(e.codes.typecheck)} / ${codesOf(e.codes["no-typecheck"])} | ${fmt(e.first)} | ${fmt(tc)} | ${fmt(ntc)} |`);
}
const errors = programs.flatMap((p) => modes.filter((m) => results[p].errors[m]).map((m) => `- ${p} (${m}): ${results[p].errors[m]}`));
console.log(`| **total (${programs.length} programs)** | | ${fmt(totals.first)} | ${fmt(totals.typecheck)} | ${hasNoTypecheck ? fmt(totals["no-typecheck"]) : "n/a"} |`);
if (errors.length) {
  console.log("");
  console.log("Exit 2 (the plan could not run; timed all the same):");
  for (const line of errors) console.log(line);
}
