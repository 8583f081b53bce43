// The parts of the command line that need no argument parser: what flags become, where output
// goes, versions. In their own module so that tests load them without commander (ESM-only).
import fs from "node:fs";
import path from "node:path";
import type { PlanOptions } from "./plan";

/** Exit codes: 0 clean, 1 a mandatory violation or gate failure, 2 usage, config or program error. */
export const EXIT_USAGE = 2;

/** Where the CLI writes: process.stdout/stderr, or a capture in tests. */
export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliStreams {
  stdout: OutStream;
  stderr: OutStream;
}

/** The flags of `mlops plan`, as commander parses them. */
export interface PlanFlags {
  program?: string;
  json?: string;
  /** Switches are absent unless given; `tree` and `typecheck` are true unless `--no-...`. */
  preview?: boolean;
  tree: boolean;
  diff?: boolean;
  timeout: number;
  allowUnverified?: boolean;
  allowIndeterminate?: boolean;
  mocks?: string;
  verbose?: boolean;
  typecheck: boolean;
  transpileOnly?: boolean;
}

/** `--timeout <seconds>` in milliseconds: a positive number, else a usage error naming the value. */
export function parseTimeout(value: string): number {
  const seconds = Number(value);
  if (value.trim() === "" || !Number.isFinite(seconds) || seconds <= 0) {
    throw new Error(`"${value}" is not allowed: expected a positive number of seconds (e.g. 120, 0.5)`);
  }
  return Math.round(seconds * 1000);
}

/** A stack name as Pulumi allows it. */
export function parseStack(value: string): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(value)) throw new Error(`"${value}" is not allowed: a stack name is letters, digits, '_', '.' and '-'`);
  return value;
}

/** Progress lines (`… running program`) on a terminal only: a pipe or a CI log gets the result alone. */
export function progressReporter(stream: OutStream): ((step: string) => void) | undefined {
  if (!stream.isTTY) return undefined;
  return (step) => stream.write(`… ${step}\n`);
}

/**
 * A reader that went away (`mlops plan dev | head -1`) is not an error of the plan: the write
 * fails with EPIPE, which is dropped so that the exit code is the plan's own.
 */
export function ignoreBrokenPipe(stream: NodeJS.EventEmitter): void {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE" || err.code === "ERR_STREAM_DESTROYED") return;
    throw err;
  });
}

/** `@mlops/cli <version>` and the policy pack's version, read from the packages' manifests. */
export function versionText(): string {
  const versionOf = (file: string) => (JSON.parse(fs.readFileSync(file, "utf8")) as { name: string; version: string });
  const cli = versionOf(path.join(__dirname, "..", "package.json"));
  const pack = versionOf(require.resolve("@mlops/policy/package.json"));
  return `${cli.name} ${cli.version}\npolicy pack ${pack.name} ${pack.version}`;
}

/** What `mlops plan <stack> [flags]` asks of plan(). */
export function planOptionsOf(stack: string, o: PlanFlags, onProgress?: (step: string) => void): PlanOptions {
  return {
    stack,
    preview: o.preview === true,
    timeoutMs: o.timeout,
    allowUnverified: o.allowUnverified === true,
    allowIndeterminate: o.allowIndeterminate === true,
    verbose: o.verbose === true,
    ...(o.program ? { programDir: o.program } : {}),
    ...(o.mocks ? { mocksFile: path.resolve(o.mocks) } : {}),
    // Unset, plan() type-checks unless the program opts out (as Pulumi's runner does).
    ...(!o.typecheck || o.transpileOnly === true ? { typecheck: false } : {}),
    ...(onProgress ? { onProgress } : {}),
  };
}
