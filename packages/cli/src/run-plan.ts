// `mlops plan <stack>` once its flags are parsed: the plan, the report or JSON, the exit code.
// No commander here, so tests run it in-process.
import fs from "node:fs";
import path from "node:path";
import { EXIT_USAGE, planOptionsOf, progressReporter, type CliStreams, type PlanFlags } from "./cli-options";

/** Plans `stack` with the parsed flags, writes to `io`, returns the exit code (0, 1 or 2); never throws. */
export async function runPlan(stack: string, o: PlanFlags, io: CliStreams): Promise<number> {
  // Loaded here, not at the top: the mock engine and the policy pack take a second to load.
  const { PlanError, exitCodeOf, plan } = require("./plan") as typeof import("./plan");
  const { renderReport, toJson } = require("./report") as typeof import("./report");
  const { PLATFORM_ROOT } = require("./program") as typeof import("./program");
  const { stackTypoWarning } = require("./suggest") as typeof import("./suggest");
  const warning = stackTypoWarning(path.resolve(o.program ?? PLATFORM_ROOT), stack);
  if (warning) io.stderr.write(`warning: ${warning}\n`);
  const options = planOptionsOf(stack, o, progressReporter(io.stderr));
  try {
    const result = await plan(options);
    if (o.json === "-") {
      // As `pulumi preview --json`: the JSON alone on stdout, so it can be piped to jq.
      io.stdout.write(toJson(result));
    } else {
      io.stdout.write(renderReport(result, { tree: o.tree, diff: o.diff === true, width: io.stdout.columns ?? 100 }) + "\n");
      if (o.json) {
        fs.writeFileSync(o.json, toJson(result));
        io.stdout.write(`Wrote ${o.json}\n`);
      }
    }
    // For scripts/bench.mjs: this process's own peak memory.
    if (process.env["MLOPS_PLAN_STATS"]) io.stderr.write(`peak-rss-kb=${process.resourceUsage().maxRSS}\n`);
    return exitCodeOf(result);
  } catch (err) {
    // `message`, not instanceof: an error from another realm (a program's vm context) is no Error here.
    const message = typeof (err as { message?: unknown } | undefined)?.message === "string" ? (err as Error).message : String(err);
    io.stderr.write(`mlops plan: ${message}\n`);
    // Not a PlanError: a fault of the CLI itself; its stack only on request.
    if (o.verbose && err instanceof Error && !(err instanceof PlanError) && err.stack) io.stderr.write(`${err.stack}\n`);
    return EXIT_USAGE;
  }
}
