// Collects the promise rejections nobody handles while a program runs, without letting them
// become unhandled rejections. A failing Pulumi program rejects many promises (each Output's
// value, isKnown, isSecret...) that nothing awaits; under jest those would fail the test on their
// own, and under the CLI they would crash the process, instead of rejecting `runWithMocks`.
//
// V8's promise hooks see every promise: a promise counts as handled once anything chains on it;
// when a promise nothing chains on settles, a probe handler is attached (so Node never reports
// it) that records its rejection, and at the end the rejections still unhandled are the answer.
import { promiseHooks } from "node:v8";

/** A running watch; `stop()` returns the reasons of the unhandled rejections, first seen first. */
export interface RejectionWatch {
  stop(): unknown[];
}

// Marks on the promises themselves: cheaper than a WeakSet for the ~700 promises per resource.
const HANDLED = Symbol("mlops.testing.handled");
const PROBE = Symbol("mlops.testing.probe");
type Marked = Promise<unknown> & { [HANDLED]?: true; [PROBE]?: true };

export function watchRejections(): RejectionWatch {
  if (typeof promiseHooks?.onSettled !== "function") return watchWithProcessEvents();
  const rejected: { promise: Marked; reason: unknown }[] = [];
  let probing = false;
  const stopInit = promiseHooks.onInit((_promise, parent) => {
    if (parent && !probing) mark(parent as Marked, HANDLED);
  });
  const stopSettled = promiseHooks.onSettled((p) => {
    const promise = p as Marked;
    // Chained promises pass their rejection on: only leaves can end up unhandled.
    if (promise[HANDLED] || promise[PROBE]) return;
    probing = true;
    try {
      mark(promise.then(undefined, (reason: unknown) => void rejected.push({ promise, reason })) as Marked, PROBE);
    } finally {
      probing = false;
    }
  });
  return {
    stop() {
      stopInit();
      stopSettled();
      return dedupe(rejected.filter((r) => !r.promise[HANDLED]).map((r) => r.reason));
    },
  };
}

/** Marks a promise; a frozen one (never seen in practice) stays unmarked rather than throw inside a hook. */
function mark(p: Marked, key: typeof HANDLED | typeof PROBE): void {
  try {
    p[key] = true;
  } catch {
    // Not extensible: nothing to do.
  }
}

/** Where promise hooks are missing: the process events (not under jest, which owns them). */
function watchWithProcessEvents(): RejectionWatch {
  const reasons: unknown[] = [];
  const onRejection = (reason: unknown) => void reasons.push(reason);
  process.on("unhandledRejection", onRejection);
  return {
    stop() {
      process.off("unhandledRejection", onRejection);
      return dedupe(reasons);
    },
  };
}

function dedupe(xs: unknown[]): unknown[] {
  return [...new Set(xs)];
}
