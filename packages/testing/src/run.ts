import { withCapturedLogs } from "./logs";
import { RecordingMonitor } from "./monitor";
import { watchRejections } from "./rejections";
import { beginMockRun, checkSdkVersion, endMockRun, rpcDoneOf, runInStack, waitForRpcs, type RuntimeStore } from "./sdk-internals";
import { withCheapStackCaptures } from "./stacks";
import type { LogRecord, MockRunOptions, MockRunResult } from "./types";
import { containsSecretWire, decode } from "./wire";

type Outcome<T> = { ok: true; result: T } | { ok: false; error: unknown };

/**
 * Runs `program` in-process under a recording mock engine, as `pulumi up` (or, with
 * `preview: true`, `pulumi preview`) would for stack `opts.stack`, and returns what it registered.
 *
 * - The program runs inside the root `pulumi:pulumi:Stack`; its return value becomes the stack outputs.
 * - The promise resolves once every registration, output registration and invoke is done,
 *   including those made inside `apply` callbacks.
 * - It rejects with the program's own error (the same object, e.g. a `pulumi.ResourceError`) when
 *   the program throws, when a callback inside an `apply` throws and nothing handles it, when an
 *   invoke or call has no mock (even if the program swallowed that error), or when the program
 *   logged an error with `pulumi.log.error`.
 * - Runs are sequential: each resets the SDK's process-wide state (mock monitor, config, root
 *   stack, feature flags) and replaces any `pulumi.runtime.setMocks` configuration. Do not start
 *   a run before the previous one settled.
 * - Throws before running anything when the installed `@pulumi/pulumi` is not the minor release
 *   the engine was written against (see `sdk-internals.ts`).
 */
export async function runWithMocks<T>(program: () => T | Promise<T>, opts: MockRunOptions): Promise<MockRunResult<T>> {
  checkSdkVersion();
  const monitor = new RecordingMonitor({
    project: opts.project,
    stack: opts.stack,
    preview: opts.preview ?? false,
    organization: opts.organization ?? "",
    config: opts.config ?? {},
    secretKeys: opts.secretKeys ?? [],
    invokes: opts.invokes ?? {},
    outputs: opts.outputs ?? {},
    calls: opts.calls ?? {},
  });
  const logs: LogRecord[] = [];
  const watch = watchRejections();
  let outcome: Outcome<T> | undefined;
  try {
    outcome = await withCheapStackCaptures(() => withCapturedLogs(logs, () => execute(program, opts, monitor)));
  } finally {
    const unhandled = watch.stop();
    if (outcome?.ok && unhandled.length > 0) outcome = { ok: false, error: unhandled[0] };
  }
  if (outcome.ok && monitor.failures[0]) outcome = { ok: false, error: monitor.failures[0] };
  const logged = logs.filter((l) => l.severity === "error");
  if (outcome.ok && logged.length > 0) outcome = { ok: false, error: new Error(`The program logged ${logged.length} error(s): ${logged.map((l) => l.message).join("; ")}`) };
  if (!outcome.ok) throw outcome.error;

  const wire = monitor.stackOutputs ?? {};
  return {
    resources: monitor.resources,
    invokes: monitor.invokes,
    stackOutputs: decode(wire).value,
    secretOutputs: Object.keys(wire).filter((k) => containsSecretWire(wire[k])),
    result: outcome.result,
    logs,
  };
}

async function execute<T>(program: () => T | Promise<T>, opts: MockRunOptions, monitor: RecordingMonitor): Promise<Outcome<T>> {
  const store = beginMockRun({
    monitor,
    project: opts.project,
    stack: opts.stack,
    preview: opts.preview ?? false,
    organization: opts.organization,
    config: opts.config ?? {},
    secretKeys: opts.secretKeys ?? [],
  });
  let outcome: Outcome<T>;
  try {
    let result: T | undefined;
    await runInStack(async () => {
      result = await program();
      return result;
    });
    outcome = { ok: true, result: result as T };
  } catch (error) {
    outcome = { ok: false, error };
  }
  try {
    await settle(monitor, store);
  } finally {
    endMockRun(store);
  }
  return outcome;
}

/** Waits until no RPC is outstanding and nothing new happened for a full turn of the event loop. */
async function settle(monitor: RecordingMonitor, store: RuntimeStore): Promise<void> {
  for (;;) {
    const activity = monitor.activity;
    const rpcDone = rpcDoneOf(store);
    await waitForRpcs(store);
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (monitor.activity === activity && rpcDoneOf(store) === rpcDone) return;
  }
}
