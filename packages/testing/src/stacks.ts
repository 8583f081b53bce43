// The SDK captures a formatted stack trace for every resource (its source position, for the
// engine) and for every internal promise (for leak diagnostics). Formatting stack traces is most
// of the time of a mocked run, and several times that under jest (source-mapped traces). The mock
// engine uses neither, so during a run they are skipped; every other error keeps its stack.
import { DEBUGGABLE_PROMISE_FUNCTION, resourceStatics } from "./sdk-internals";

type PrepareStackTrace = (err: Error, frames: NodeJS.CallSite[]) => unknown;

/** Runs `fn` with the SDK's per-resource and per-promise stack captures made cheap. */
export async function withCheapStackCaptures<T>(fn: () => Promise<T>): Promise<T> {
  const statics = resourceStatics();
  const originalCallsites = Object.prototype.hasOwnProperty.call(statics, "callsites") ? statics.callsites : undefined;
  const errorClass = Error as { prepareStackTrace?: PrepareStackTrace };
  const originalPrepare = errorClass.prepareStackTrace;
  if (originalCallsites) statics.callsites = () => [];
  errorClass.prepareStackTrace = (err, frames) => {
    // runtime/debuggable.js: `new Error().stack` on every promise, read only for leak reports.
    if (frames[0]?.getFunctionName() === DEBUGGABLE_PROMISE_FUNCTION) return "";
    if (originalPrepare) return originalPrepare(err, frames);
    return `${errorHeader(err)}${frames.map((f) => `\n    at ${String(f)}`).join("")}`;
  };
  try {
    return await fn();
  } finally {
    if (originalCallsites) statics.callsites = originalCallsites;
    errorClass.prepareStackTrace = originalPrepare;
  }
}

function errorHeader(err: Error): string {
  try {
    return String(err);
  } catch {
    return "Error";
  }
}
