// `mlops plan`: flags, output streams and exit codes. The plan itself (plan.ts) and the report
// (report.ts) are loaded only when a plan runs, so usage errors and --version answer at once.
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { EXIT_USAGE, parseStack, parseTimeout, versionText, type CliStreams, type PlanFlags } from "./cli-options";
import { runPlan } from "./run-plan";

export { ignoreBrokenPipe } from "./cli-options";

/** A parse function whose error commander reports as a usage error naming the flag or argument and the value. */
function usage<T>(parse: (value: string) => T): (value: string) => T {
  return (value) => {
    try {
      return parse(value);
    } catch (err) {
      throw new InvalidArgumentError((err as Error).message);
    }
  };
}

/**
 * The command line, with its output sent to `io` and usage errors thrown (not exited) as
 * CommanderError; `onPlan` runs a parsed `plan` command.
 */
export function createCli(io: CliStreams, onPlan: (stack: string, flags: PlanFlags) => Promise<void>): Command {
  const program = new Command()
    .name("mlops")
    .description("mlops-platform tools. `plan` runs a Pulumi program offline under the mock engine and checks the policy pack.")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      getOutHelpWidth: () => io.stdout.columns ?? 100,
      getErrHelpWidth: () => io.stderr.columns ?? 100,
    })
    .showHelpAfterError("(add --help for usage)")
    .version(versionText(), "-V, --version", "the CLI's and the policy pack's versions");

  program
    .command("plan")
    .description("MOCKED plan of a stack: resource tree, summary, CrossGuard policy results; exit 0 clean, 1 on a mandatory violation or gate failure, 2 on a usage, config or program error")
    .argument("<stack>", "stack name (reads Pulumi.<stack>.yaml; a stack without one has empty config)", usage(parseStack))
    .option("--program <dir>", "a Pulumi TypeScript program directory with its own Pulumi.yaml (default: the platform's root program)")
    .option("--json <file>", "write the full graph and policy results as JSON, secrets masked; `-` writes it to stdout instead of the report")
    .option("--preview", "plan as `pulumi preview` would: computed values unknown")
    .option("--diff", "show each resource's inputs under it (secrets masked)")
    .option("--no-tree", "leave out the resource tree")
    .addOption(new Option("--timeout <seconds>", "stop with exit 2 after this long, naming what is still pending").default(120_000, "120").argParser(usage(parseTimeout)))
    .option("--allow-unverified", "unverified remote components (no model, Helm charts rendered at deploy time) do not fail a mandatory plan")
    .option("--allow-indeterminate", "checks that could not run in preview (unknown values) do not fail a mandatory plan")
    .option("--mocks <file>", "YAML or JSON file of invoke results and stack-reference outputs")
    .option("--no-typecheck", "do not type-check a TypeScript program (as Pulumi's transpileOnly)")
    .option("--transpile-only", "the same as --no-typecheck")
    .option("--verbose", "program errors with their full stack")
    .action(onPlan);
  return program;
}

/** Runs the CLI on `argv` (as process.argv) and returns the exit code; never exits the process. */
export async function main(argv: readonly string[], io: CliStreams = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let code = 0;
  try {
    await createCli(io, async (stack, flags) => {
      code = await runPlan(stack, flags, io);
    }).parseAsync([...argv]);
  } catch (err) {
    // --help and --version end with exit code 0; any other usage error is a 2, not commander's 1.
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : EXIT_USAGE;
    io.stderr.write(`mlops: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT_USAGE;
  }
  return code;
}
