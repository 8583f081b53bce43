import * as pulumi from "@pulumi/pulumi";
import { withCapturedLogs } from "./logs";
import { RecordingMonitor } from "./monitor";
import { watchRejections } from "./rejections";
import { withCheapStackCaptures } from "./stacks";
import type { LogRecord, MockRunOptions, MockRunResult } from "./types";
import { containsSecretWire, decode } from "./wire";

/** The SDK's run state (runtime/state.js), reset by `setMockOptions` except where noted: not in its declarations. */
interface RuntimeStore {
  settings: { rpcDone: Promise<unknown> };
  terminated: boolean;
  leakCandidates: Set<unknown>;
  supportsSecrets: boolean;
  supportsResourceReferences: boolean;
  supportsOutputValues: boolean;
  supportsDeletedWith: boolean;
  supportsReplaceWith: boolean;
  supportsAliasSpecs: boolean;
  supportsTransforms: boolean;
  supportsInvokeTransforms: boolean;
  supportsParameterization: boolean;
  supportsResourceHooks: boolean;
  supportsErrorHooks: boolean;
  supportsInvokeDependsOn: boolean;
  supportsStateMigrations: boolean;
}
interface RuntimeState {
  getStore(): RuntimeStore;
  setStackResource(stack: undefined): void;
}
const state = require("@pulumi/pulumi/runtime/state") as RuntimeState;
const runtime = pulumi.runtime as typeof pulumi.runtime & { waitForRPCs?: () => Promise<void> };

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
 */
export async function runWithMocks<T>(program: () => T | Promise<T>, opts: MockRunOptions): Promise<MockRunResult<T>> {
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
  pulumi.runtime.setMockOptions(monitor, opts.project, opts.stack, opts.preview ?? false, opts.organization);
  const store = state.getStore();
  // What `setMockOptions` leaves from a previous run, and the features the monitor advertises
  // (the root stack asks the monitor again, with the same answers).
  store.terminated = false;
  store.supportsSecrets = true;
  store.supportsResourceReferences = true;
  store.supportsOutputValues = false;
  store.supportsDeletedWith = true;
  store.supportsReplaceWith = true;
  store.supportsAliasSpecs = true;
  store.supportsTransforms = true;
  store.supportsInvokeTransforms = false;
  store.supportsParameterization = true;
  store.supportsResourceHooks = false;
  store.supportsErrorHooks = false;
  store.supportsInvokeDependsOn = false;
  store.supportsStateMigrations = false;
  pulumi.runtime.setAllConfig(opts.config ?? {}, opts.secretKeys ?? []);
  let outcome: Outcome<T>;
  try {
    let result: T | undefined;
    await pulumi.runtime.runInPulumiStack(async () => {
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
    // Stops the SDK's callback server (started for transforms), if any; forgets this run's stack.
    pulumi.runtime.disconnectSync();
    state.setStackResource(undefined);
    store.leakCandidates = new Set();
  }
  return outcome;
}

/** Waits until no RPC is outstanding and nothing new happened for a full turn of the event loop. */
async function settle(monitor: RecordingMonitor, store: RuntimeStore): Promise<void> {
  for (;;) {
    const activity = monitor.activity;
    const rpcDone = store.settings.rpcDone;
    if (runtime.waitForRPCs) await runtime.waitForRPCs();
    else await rpcDone;
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (monitor.activity === activity && store.settings.rpcDone === rpcDone) return;
  }
}
