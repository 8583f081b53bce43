import { describe, expect, it } from "@jest/globals";
import * as pulumi from "@pulumi/pulumi";
import { PendingWorkError } from "./pending";
import { runWithMocks } from "./run";

const base = { project: "proj", stack: "dev", timeoutMs: 300 };

class Thing extends pulumi.CustomResource {
  constructor(name: string, props: pulumi.Inputs) {
    super("test:index:Thing", name, props);
  }
}
const never = () => new Promise<string>(() => undefined);

/** Runs `program` with a live interval (as a program polling something would) so only the timeout can end it. */
async function failure(program: () => unknown): Promise<PendingWorkError> {
  const keepAlive = setInterval(() => undefined, 50);
  try {
    await runWithMocks(program, base);
  } catch (err) {
    return err as PendingWorkError;
  } finally {
    clearInterval(keepAlive);
  }
  throw new Error("the run finished");
}

describe("runWithMocks: a program that cannot finish", () => {
  it("fails after timeoutMs naming the stack output that never resolved, despite a live timer", async () => {
    const err = await failure(() => ({ ready: pulumi.output(never()), done: "yes" }));
    expect(err).toBeInstanceOf(PendingWorkError);
    expect(err.reason).toBe("timeout");
    expect(err.pending.outputs).toEqual(["ready"]);
    expect(err.message).toMatch(/did not finish within 0.3 s \(--timeout\)/);
    expect(err.message).toContain("Stack outputs not resolved:\n  - ready");
  });

  it("names a resource waiting for an input that never resolves, and the phase it is in", async () => {
    const err = await failure(() => {
      new Thing("stuck", { value: never() });
      new Thing("fine", { value: "x" });
    });
    expect(err.pending.resources).toEqual(['test:index:Thing "stuck": waiting for its input "value"']);
  });

  it("says when the main function itself never returned", async () => {
    const err = await failure(async () => {
      await never();
    });
    expect(err.pending.programReturned).toBe(false);
    expect(err.message).toContain("main function has not returned");
  });

  it("names an invoke whose arguments never resolve", async () => {
    const err = await failure(() => ({ v: pulumi.runtime.invokeOutput("test:index:lookup", { name: pulumi.output(never()) }) }));
    expect(err.pending.invokes).toEqual(["test:index:lookup"]);
    expect(err.message).toContain("Invokes not answered:\n  - test:index:lookup");
  });

  it("leaves a finished run alone: no timeout fires later and the next run is unaffected", async () => {
    const run = await runWithMocks(() => ({ a: pulumi.output("1") }), base);
    await new Promise((r) => setTimeout(r, 400));
    expect(run.stackOutputs).toEqual({ a: "1" });
    expect((await runWithMocks(() => ({ b: "2" }), base)).stackOutputs).toEqual({ b: "2" });
  });
});
