// What a program still waits for when a run cannot finish: the resource registrations the SDK
// has not sent (with the phase each is stuck in), the stack outputs that never resolved and the
// SDK's own pending operations (invokes, URNs). A plan must fail naming them, never pass empty.
import { pendingRegistrations, type RuntimeStore } from "./sdk-internals";

/** The SDK's internal promises still running, with the label the SDK gave each. */
export class PendingPromises {
  private readonly labels = new Map<Promise<unknown>, string>();

  track<T>(p: Promise<T>, label: unknown): Promise<T> {
    this.labels.set(p, typeof label === "string" ? label : String(label));
    const done = () => void this.labels.delete(p);
    p.then(done, done);
    return p;
  }

  list(): string[] {
    return [...this.labels.values()];
  }
}

/** The stack outputs the program returned, and which of them have settled. */
export class PendingOutputs {
  private readonly open = new Set<string>();
  /** Set once the program's main function returned (or threw). */
  returned = false;

  /** Watches each top-level value of the program's result (an Output, a promise or a plain value). */
  watch(result: unknown): void {
    this.returned = true;
    if (result === null || typeof result !== "object") return;
    for (const [key, value] of Object.entries(result as Record<string, unknown>)) {
      const promise = settledPromiseOf(value);
      if (!promise) continue;
      this.open.add(key);
      const done = () => void this.open.delete(key);
      promise.then(done, done);
    }
  }

  list(): string[] {
    return [...this.open];
  }
}

function settledPromiseOf(value: unknown): Promise<unknown> | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const output = value as { promise?: () => Promise<unknown>; then?: unknown };
  if (typeof output.promise === "function" && (value as { __pulumiOutput?: boolean }).__pulumiOutput) return output.promise();
  if (typeof output.then === "function") return Promise.resolve(value);
  return undefined;
}

/** Why a run stopped before the program finished. */
export class PendingWorkError extends Error {
  constructor(
    readonly reason: "timeout" | "stalled",
    readonly pending: { resources: string[]; outputs: string[]; invokes: string[]; other: string[]; programReturned: boolean },
    timeoutMs: number,
  ) {
    super(pendingMessage(reason, pending, timeoutMs));
    this.name = "PendingWorkError";
  }
}

const PHASES: Record<string, string> = {
  dependencies: "waiting for its dependsOn resources",
  inputs: "waiting for its inputs",
  parent: "waiting for its parent to register",
  provider: "waiting for its provider to register",
  "dependency-urns": "waiting for the URNs of its dependencies",
};

/** The resource registrations the SDK started but has not sent to the engine. */
export function pendingResources(store: RuntimeStore): string[] {
  const out: string[] = [];
  for (const reg of pendingRegistrations(store).values()) {
    const what = reg.name && reg.type ? `${reg.type} "${reg.name}"` : (reg.label ?? "a resource");
    const phase = reg.phase === "inputs" && reg.inputProperty ? `waiting for its input "${reg.inputProperty}"` : (PHASES[reg.phase ?? ""] ?? "waiting");
    out.push(`${what}: ${phase}`);
  }
  return out;
}

/**
 * Invoke tokens named in the SDK's pending-promise labels: `invoke(<tok>)Value` (an invokeOutput
 * waiting for its arguments), `Invoking function: tok=<tok>` and `Calling function: tok=<tok>`.
 */
export function pendingInvokes(labels: readonly string[]): string[] {
  const tokens = labels
    .map((l) => /^invoke\(([^)]+)\)/.exec(l)?.[1] ?? /(?:Invoking|Calling) function: tok=([^\s,]+)/.exec(l)?.[1])
    .filter((t): t is string => !!t);
  return [...new Set(tokens)];
}

const list = (title: string, items: readonly string[], max = 15): string[] =>
  items.length === 0 ? [] : [`${title}:`, ...items.slice(0, max).map((i) => `  - ${i}`), ...(items.length > max ? [`  - ... and ${items.length - max} more`] : [])];

function pendingMessage(reason: "timeout" | "stalled", p: PendingWorkError["pending"], timeoutMs: number): string {
  const head =
    reason === "timeout"
      ? `the program did not finish within ${timeoutMs / 1000} s (--timeout); it was still waiting.`
      : "the program can never finish: it is waiting for values that nothing will ever resolve (the event loop is empty).";
  const lines = [
    head,
    ...(p.programReturned ? [] : ["The program's main function has not returned (an await that never resolves?)."]),
    ...list("Resources not registered", p.resources),
    ...list("Stack outputs not resolved", p.outputs),
    ...list("Invokes not answered", p.invokes),
  ];
  if (p.resources.length + p.outputs.length + p.invokes.length === 0 && p.programReturned) lines.push(...list("SDK operations pending", p.other, 5));
  return lines.join("\n");
}
