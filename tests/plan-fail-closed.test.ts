// The plan fails closed: a program that cannot finish or throws late is exit 2 with what was
// pending, never a clean "0 mandatory". In-process through plan(), and once as real processes
// (the empty-event-loop check and the live-timer timeout only exist outside jest).
import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { PlanError, plan } from "../packages/cli/src/plan";

const root = path.resolve(__dirname, "..");
const stuck = path.join(__dirname, "fixtures", "stuck-program");

describe("plan() fails closed", () => {
  it("stops a program whose output never resolves after the timeout, naming the resource and the output", async () => {
    const err = (await plan({ stack: "never", programDir: stuck, timeoutMs: 300 }).catch((e: unknown) => e)) as PlanError;
    expect(err).toBeInstanceOf(PlanError);
    expect(err.message).toContain("did not finish within 0.3 s");
    expect(err.message).toContain('test:index:Thing "waits": waiting for its input "value"');
    expect(err.message).toContain("Stack outputs not resolved:\n  - ready");
  });
});

describe("mlops plan fails closed (real processes)", () => {
  const mlops = (...args: string[]) => spawnSync(process.execPath, [path.join(root, "packages", "cli", "lib", "bin.js"), "plan", ...args], { cwd: root, encoding: "utf8", timeout: 30_000 });

  it("exits 2 at once when nothing can resolve what the program waits for, and after --timeout with a live timer", () => {
    const started = Date.now();
    const never = mlops("never", "--program", stuck, "--no-tree");
    expect(never.status).toBe(2);
    expect(never.stderr).toContain("can never finish");
    expect(never.stderr).toContain("ready");
    expect(never.stdout).not.toMatch(/Policies: /);
    const polling = mlops("polling", "--program", stuck, "--no-tree", "--timeout", "1");
    expect(polling.status).toBe(2);
    expect(polling.stderr).toContain("did not finish within 1 s (--timeout)");
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  // Under jest an uncaught exception fails the test itself, so this one is only checked here.
  it("exits 2 when the program throws outside its run (a callback), with no clean summary", () => {
    const late = mlops("late-crash", "--program", stuck, "--no-tree");
    expect(late.stderr).toContain("the program threw outside its run (in a timer or callback): late failure in a callback");
    expect(late.status).toBe(2);
    expect(late.stdout).not.toMatch(/0 mandatory/);
  });
});
