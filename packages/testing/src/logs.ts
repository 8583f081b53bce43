// Captures `pulumi.log.*` (the program's and the SDK's own warnings) during a run instead of
// printing them. Debug messages are dropped: the SDK emits several per resource.
import { sdkLog as logModule, type SdkLog } from "./sdk-internals";
import type { LogRecord } from "./types";

type LogFn = SdkLog["info"];

/** Runs `fn` with the SDK's log functions recording into `logs`. */
export async function withCapturedLogs<T>(logs: LogRecord[], fn: () => Promise<T>): Promise<T> {
  const saved: SdkLog = { debug: logModule.debug, info: logModule.info, warn: logModule.warn, error: logModule.error };
  const recorder =
    (severity: LogRecord["severity"]): LogFn =>
    (msg, resource) => {
      const record: LogRecord = { severity, message: msg };
      logs.push(record);
      if (resource) {
        // The URN may still be pending; fill it in when it comes (never if the resource failed).
        const urn = (resource.urn as unknown as { promise(): Promise<string> }).promise();
        urn.then(
          (u) => void (record.urn = u),
          () => undefined,
        );
      }
      return Promise.resolve();
    };
  logModule.debug = () => Promise.resolve();
  logModule.info = recorder("info");
  logModule.warn = recorder("warning");
  logModule.error = recorder("error");
  try {
    return await fn();
  } finally {
    Object.assign(logModule, saved);
  }
}
