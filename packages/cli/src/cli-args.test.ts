// The command line's parts in-process: flag values, what reaches plan(), progress, pipes, "did
// you mean". Commander's parsing and the exit codes run as real processes in tests/plan-cli.test.ts
// (commander is ESM-only, which jest cannot load).
import { describe, expect, it } from "@jest/globals";
import { EventEmitter } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ignoreBrokenPipe, parseStack, parseTimeout, planOptionsOf, progressReporter, versionText, type PlanFlags } from "./cli-options";
import { stackTypoWarning } from "./suggest";

function capture(isTTY = false) {
  const text: string[] = [];
  return { stream: { write: (s: string) => text.push(s), isTTY }, text: () => text.join("") };
}

// What commander gives for `mlops plan <stack>` alone: switches absent, the defaults set.
const defaults: PlanFlags = { tree: true, timeout: 120_000, typecheck: true };

describe("flag values", () => {
  it("--timeout is a positive number of seconds, in milliseconds; anything else names the value", () => {
    expect(parseTimeout("120")).toBe(120_000);
    expect(parseTimeout("0.5")).toBe(500);
    for (const bad of ["abc", "0", "-5", "", "Infinity"]) expect(() => parseTimeout(bad)).toThrow(`"${bad}" is not allowed: expected a positive number of seconds`);
  });

  it("a stack name is what Pulumi allows", () => {
    expect(parseStack("prod-eu.1")).toBe("prod-eu.1");
    expect(() => parseStack("../etc")).toThrow(`"../etc" is not allowed: a stack name is letters, digits`);
  });

  it("--version names the CLI's and the policy pack's versions from their manifests", () => {
    const own = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as { version: string };
    const pack = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "policy", "package.json"), "utf8")) as { version: string };
    expect(versionText()).toBe(`@mlops/cli ${own.version}\npolicy pack @mlops/policy ${pack.version}`);
  });
});

describe("flags reach plan()", () => {
  it("defaults: nothing allowed, type-checking left to plan() (the program may opt out)", () => {
    expect(planOptionsOf("prod", defaults)).toEqual({ stack: "prod", preview: false, timeoutMs: 120_000, allowUnverified: false, allowIndeterminate: false, verbose: false });
  });

  it("every flag", () => {
    const onProgress = () => undefined;
    const flags: PlanFlags = { ...defaults, preview: true, timeout: 2500, allowUnverified: true, allowIndeterminate: true, verbose: true, program: "p", mocks: "m.yaml", typecheck: false };
    expect(planOptionsOf("dev", flags, onProgress)).toEqual({
      stack: "dev",
      preview: true,
      timeoutMs: 2500,
      allowUnverified: true,
      allowIndeterminate: true,
      verbose: true,
      programDir: "p",
      mocksFile: path.resolve("m.yaml"),
      typecheck: false,
      onProgress,
    });
    expect(planOptionsOf("dev", { ...defaults, transpileOnly: true }).typecheck).toBe(false);
  });
});

describe("progress, closed pipes", () => {
  it("prints progress lines on a terminal only", () => {
    const tty = capture(true);
    progressReporter(tty.stream)?.("running program");
    expect(tty.text()).toBe("… running program\n");
    expect(progressReporter(capture(false).stream)).toBeUndefined();
  });

  it("drops EPIPE (a reader that went away), not other stream errors", () => {
    const stream = new EventEmitter();
    ignoreBrokenPipe(stream);
    expect(() => stream.emit("error", Object.assign(new Error("write EPIPE"), { code: "EPIPE" }))).not.toThrow();
    expect(() => stream.emit("error", Object.assign(new Error("disk full"), { code: "ENOSPC" }))).toThrow("disk full");
  });
});

describe("did you mean", () => {
  it("warns about a stack without a config file when a close one exists", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stacks-"));
    for (const s of ["dev", "prod", "staging"]) fs.writeFileSync(path.join(dir, `Pulumi.${s}.yaml`), "config: {}\n");
    expect(stackTypoWarning(dir, "prdo")).toBe(`no Pulumi.prdo.yaml in ${dir}: stack "prdo" has no config. Did you mean "prod"?`);
    expect(stackTypoWarning(dir, "prod")).toBeUndefined();
    expect(stackTypoWarning(dir, "feature-x")).toBeUndefined();
  });
});
