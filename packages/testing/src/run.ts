import { withCapturedLogs } from "./logs";
import { RecordingMonitor } from "./monitor";
import { PendingOutputs, PendingPromises, PendingWorkError, pendingInvokes, pendingResources } from "./pending";
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
 * - Rejects with a {@link PendingWorkError} naming the pending resources, stack outputs and
 *   invokes when the program cannot finish: at once when nothing is left that could resolve them
 *   (the event loop would exit), or after `opts.timeoutMs` when the program keeps running
 *   (a live timer). Neither check keeps the process alive.
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
    stackReferences: opts.stackReferences ?? {},
  });
  const logs: LogRecord[] = [];
  const watch = watchRejections();
  const pending = { promises: new PendingPromises(), outputs: new PendingOutputs() };
  let outcome: Outcome<T> | undefined;
  try {
    outcome = await withCheapStackCaptures(pending.promises, () => withCapturedLogs(logs, () => execute(program, opts, monitor, pending)));
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

interface Pending {
  promises: PendingPromises;
  outputs: PendingOutputs;
}

async function execute<T>(program: () => T | Promise<T>, opts: MockRunOptions, monitor: RecordingMonitor, pending: Pending): Promise<Outcome<T>> {
  const store = beginMockRun({
    monitor,
    project: opts.project,
    stack: opts.stack,
    preview: opts.preview ?? false,
    organization: opts.organization,
    config: opts.config ?? {},
    secretKeys: opts.secretKeys ?? [],
  });
  const stopped = stopWhenStuck(store, pending, opts.timeoutMs);
  let outcome: Outcome<T>;
  try {
    outcome = await Promise.race([run(program, monitor, store, pending), stopped.promise]);
  } finally {
    stopped.cancel();
    endMockRun(store);
  }
  return outcome;
}

async function run<T>(program: () => T | Promise<T>, monitor: RecordingMonitor, store: RuntimeStore, pending: Pending): Promise<Outcome<T>> {
  let outcome: Outcome<T>;
  try {
    let result: T | undefined;
    await runInStack(async () => {
      try {
        result = await program();
      } finally {
        pending.outputs.watch(result);
      }
      return result;
    });
    outcome = { ok: true, result: result as T };
  } catch (error) {
    outcome = { ok: false, error };
  }
  await settle(monitor, store);
  return outcome;
}

/**
 * Fails the run when it cannot finish: on `beforeExit` (the event loop is empty, so nothing
 * can resolve what the program waits for) or after `timeoutMs`. The timer is unref'd: it never
 * keeps a process alive on its own.
 */
function stopWhenStuck(store: RuntimeStore, pending: Pending, timeoutMs: number | undefined): { promise: Promise<Outcome<never>>; cancel: () => void } {
  let fail: (reason: "timeout" | "stalled") => void = () => undefined;
  const promise = new Promise<Outcome<never>>((resolve) => {
    fail = (reason) => {
      const labels = pending.promises.list();
      const error = new PendingWorkError(
        reason,
        { resources: pendingResources(store), outputs: pending.outputs.list(), invokes: pendingInvokes(labels), other: labels, programReturned: pending.outputs.returned },
        timeoutMs ?? 0,
      );
      resolve({ ok: false, error });
    };
  });
  const onStall = () => fail("stalled");
  process.once("beforeExit", onStall);
  const timer = timeoutMs !== undefined ? setTimeout(() => fail("timeout"), timeoutMs).unref() : undefined;
  return {
    promise,
    cancel: () => {
      process.off("beforeExit", onStall);
      if (timer) clearTimeout(timer);
    },
  };
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
