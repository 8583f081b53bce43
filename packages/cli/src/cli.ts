import fs from "node:fs";
import { Command, InvalidArgumentError } from "commander";
import { PlanError, exitCodeOf, plan } from "./plan";
import { renderReport, toJson } from "./report";

const program = new Command()
  .name("mlops")
  .description("mlops-platform tools. `plan` runs a Pulumi program offline under the mock engine and checks the policy pack.")
  .showHelpAfterError();

program
  .command("plan")
  .description("MOCKED plan of a stack: resource tree, summary, CrossGuard policy results; exit 1 on a mandatory violation, 2 on a config or program error")
  .argument("<stack>", "stack name (reads Pulumi.<stack>.yaml)", (v: string) => {
    if (!/^[A-Za-z0-9_.-]+$/.test(v)) throw new InvalidArgumentError("a stack name is letters, digits, '_', '.' and '-'");
    return v;
  })
  .option("--program <dir>", "a Pulumi TypeScript program directory with its own Pulumi.yaml (default: the platform's root program)")
  .option("--json <file>", "write the full graph and policy results as JSON")
  .option("--preview", "plan as `pulumi preview` would: computed values unknown", false)
  .option("--no-tree", "leave out the resource tree")
  .action(async (stack: string, o: { program?: string; json?: string; preview: boolean; tree: boolean }) => {
    try {
      const result = await plan({ stack, preview: o.preview, ...(o.program ? { programDir: o.program } : {}) });
      process.stdout.write(renderReport(result, { tree: o.tree }) + "\n");
      if (o.json) {
        fs.writeFileSync(o.json, toJson(result));
        process.stdout.write(`Wrote ${o.json}\n`);
      }
      process.exitCode = exitCodeOf(result);
      // For scripts/bench.mjs: this process's own peak memory.
      if (process.env["MLOPS_PLAN_STATS"]) process.stderr.write(`peak-rss-kb=${process.resourceUsage().maxRSS}\n`);
    } catch (err) {
      const message = err instanceof PlanError || err instanceof Error ? err.message : String(err);
      process.stderr.write(`mlops plan: ${message}\n`);
      process.exitCode = 2;
    }
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`mlops: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
