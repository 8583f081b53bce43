// Captures `pulumi.log.*` (the program's and the SDK's own warnings) during a run instead of
// printing them. Debug messages are dropped: the SDK emits several per resource.
import type * as pulumi from "@pulumi/pulumi";
import type { LogRecord } from "./types";

type LogFn = (msg: string, resource?: pulumi.Resource, streamId?: number, ephemeral?: boolean) => Promise<void>;
interface LogModule {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

// The module object the SDK and `pulumi.log` call through (property lookups at call time).
const logModule = require("@pulumi/pulumi/log") as LogModule;

/** Runs `fn` with the SDK's log functions recording into `logs`. */
export async function withCapturedLogs<T>(logs: LogRecord[], fn: () => Promise<T>): Promise<T> {
  const saved: LogModule = { debug: logModule.debug, info: logModule.info, warn: logModule.warn, error: logModule.error };
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
