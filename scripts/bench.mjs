#!/usr/bin/env node
// Benchmarks the offline plan and the test suite. Not a test: it prints figures for the README.
//
//   npm run bench                 plan of every stack + the baseline, 7 runs each, taken in turn
//   npm run bench -- --runs 11    more runs
//   npm run bench -- --tests      also time one full `npm test`
//
// Then the scaling fixture (tests/fixtures/scale-program) at 25, 100 and 400 buckets: the
// marginal cost per resource of the plan (mock engine and policies).
//
// Baseline: a fresh Node process (the same Node the plan runs on) that only loads
// @pulumi/pulumi, @pulumi/aws and @pulumi/kubernetes. The plan is timed end to end as a user
// types it: `npm run plan -- <stack>` from the repository root, npm and the toolchain check
// included. Peak memory is the plan process's own max RSS (reported by the CLI when
// MLOPS_PLAN_STATS is set).
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1]) || 7;
const withTests = args.includes("--tests");
const stacks = ["dev", "staging", "prod", "local", "gcp"];

/** One line per measurement on stderr, so a run of several minutes shows where it is (stdout keeps the tables). */
function progress(msg) {
  process.stderr.write(`… ${msg}\n`);
}

function timed(cmd, cmdArgs, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, cmdArgs, { cwd: root, encoding: "utf8", env: { ...process.env, MLOPS_PLAN_STATS: "1" }, ...opts });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(" ")} exited ${r.status}\n${r.stderr}`);
  const rss = /peak-rss-kb=(\d+)/.exec(r.stderr ?? "");
  return { ms, rssKb: rss ? Number(rss[1]) : undefined };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
// npm itself must run on the machine's Node, as the user's shell would find it.
const userEnv = { ...process.env, PATH: (process.env.PATH ?? "").split(path.delimiter).filter((p) => !p.includes(".toolchain")).join(path.delimiter) };
const baselineCode = 'require("@pulumi/pulumi"); require("@pulumi/aws"); require("@pulumi/kubernetes");';

// Warm the caches once (build stamp, file system) so the first timed run is not an outlier.
progress("warming up: npm run plan -- dev");
timed(npm, ["run", "--silent", "plan", "--", "dev", "--no-tree"], { env: { ...userEnv, MLOPS_PLAN_STATS: "1" } });

const results = {};
const baseline = [];
const cachedBaseline = [];
// The plan turns on Node's compile cache; the second baseline uses the same cache, to show how
// much of the plan's time is its own rather than the SDK's.
const cacheEnv = { ...process.env, NODE_COMPILE_CACHE: path.join(root, ".toolchain", "compile-cache") };
for (const stack of stacks) results[stack] = { ms: [], rssKb: [] };
for (let i = 0; i < runs; i++) {
  progress(`run ${i + 1}/${runs}: baseline, cached baseline`);
  baseline.push(timed(process.execPath, ["-e", baselineCode], { cwd: path.join(root, "programs", "platform") }).ms);
  cachedBaseline.push(timed(process.execPath, ["-e", baselineCode], { cwd: path.join(root, "programs", "platform"), env: cacheEnv }).ms);
  for (const stack of stacks) {
    progress(`run ${i + 1}/${runs}: npm run plan -- ${stack}`);
    const r = timed(npm, ["run", "--silent", "plan", "--", stack], { env: { ...userEnv, MLOPS_PLAN_STATS: "1" } });
    results[stack].ms.push(r.ms);
    if (r.rssKb) results[stack].rssKb.push(r.rssKb);
  }
}

const base = median(baseline);
const cachedBase = median(cachedBaseline);
console.log(`Machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version} (plan), ${runs} runs each, medians`);
console.log("");
console.log("| what | wall time | peak RSS | vs baseline | vs cached baseline |");
console.log("|---|---|---|---|---|");
console.log(`| baseline: \`node\` loading @pulumi/pulumi + aws + kubernetes | ${base.toFixed(0)} ms | | 1.00x | |`);
console.log(`| the same with Node's compile cache (as the plan runs) | ${cachedBase.toFixed(0)} ms | | | 1.00x |`);
for (const stack of stacks) {
  const ms = median(results[stack].ms);
  const rss = results[stack].rssKb.length ? `${(median(results[stack].rssKb) / 1024).toFixed(0)} MiB` : "n/a";
  console.log(`| \`npm run plan -- ${stack}\` | ${ms.toFixed(0)} ms | ${rss} | ${(ms / base).toFixed(2)}x | ${(ms / cachedBase).toFixed(2)}x |`);
}

// Scaling: the same plan over a program of `count` compliant buckets (4 resources each), so the
// cost per resource shows apart from the SDK load (tests/fixtures/scale-program).
const scale = [25, 100, 400];
const scaleMs = {};
for (const n of scale) {
  const xs = [];
  const scaleRuns = Math.max(3, Math.ceil(runs / 2));
  for (let i = 0; i < scaleRuns; i++) {
    progress(`scaling fixture, ${n} buckets: run ${i + 1}/${scaleRuns}`);
    xs.push(timed(npm, ["run", "--silent", "plan", "--", `s${n}`, "--program", "tests/fixtures/scale-program", "--no-tree"], { env: userEnv }).ms);
  }
  scaleMs[n] = median(xs);
}
console.log("");
console.log("| scaling fixture | resources | wall time |");
console.log("|---|---|---|");
for (const n of scale) console.log(`| ${n} buckets | ${4 * n + 1} | ${scaleMs[n].toFixed(0)} ms |`);
const perResource = (scaleMs[scale[2]] - scaleMs[scale[0]]) / (4 * (scale[2] - scale[0]));
console.log(`Marginal cost: ${perResource.toFixed(2)} ms per resource (plan and policies), from ${scale[0]} to ${scale[2]} buckets.`);

if (withTests) {
  progress("npm test (about two minutes)");
  const t = timed(npm, ["test"], { env: userEnv, stdio: "ignore" });
  console.log(`| \`npm test\` (type-check, lint, jest with coverage) | ${(t.ms / 1000).toFixed(1)} s | | | |`);
}
