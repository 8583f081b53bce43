// The SDK captures a stack trace for every resource (its source position, for the engine) and
// for every internal promise (for the leak report at process exit). Capturing them is most of the
// time of a mocked run (measured: 0.6 s of 1 s for the 175 resources of the prod stack), and
// several times that under jest. The mock engine uses neither, so during a run they are skipped;
// errors keep their stacks, and a rejected internal promise is still attached to its error.
import type { PendingPromises } from "./pending";
import { debuggableModule, resourceStatics, type DebuggableModule } from "./sdk-internals";

/** The SDK's promise wrapper without the stack capture; pending promises keep their label only. */
const cheapDebuggablePromise =
  (pending: PendingPromises): DebuggableModule["debuggablePromise"] =>
  (p, ctx) =>
    pending.track(p, ctx).catch((err: unknown) => {
      if (err !== null && typeof err === "object") (err as { promise?: unknown }).promise = p;
      throw err;
    });

/** Runs `fn` with the SDK's per-resource and per-promise stack captures turned off. */
export async function withCheapStackCaptures<T>(pending: PendingPromises, fn: () => Promise<T>): Promise<T> {
  const statics = resourceStatics();
  const originalCallsites = Object.prototype.hasOwnProperty.call(statics, "callsites") ? statics.callsites : undefined;
  const originalDebuggable = debuggableModule.debuggablePromise;
  if (originalCallsites) statics.callsites = () => [];
  debuggableModule.debuggablePromise = cheapDebuggablePromise(pending);
  try {
    return await fn();
  } finally {
    if (originalCallsites) statics.callsites = originalCallsites;
    debuggableModule.debuggablePromise = originalDebuggable;
  }
}
