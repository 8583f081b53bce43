import { describe, expect, it, jest } from "@jest/globals";
import { PULUMI_SDK, checkSdkVersion, readInstalledVersion, supportedRange } from "./sdk-internals";
import { runWithMocks } from "./index";

const reader = (version: string) => (pkg: string) => {
  expect(pkg).toBe("@pulumi/pulumi");
  return version;
};

const FILE = "@mlops/testing (packages/testing/src/sdk-internals.ts)";

describe("the @pulumi/pulumi version check", () => {
  it("is written against the installed SDK, which passes", () => {
    expect(PULUMI_SDK.pinned).toBe("3.270.0");
    expect(readInstalledVersion("@pulumi/pulumi")).toBe(PULUMI_SDK.pinned);
    expect(() => checkSdkVersion()).not.toThrow();
    expect(() => checkSdkVersion(readInstalledVersion)).not.toThrow();
  });

  it("supports the pinned minor release, any patch", () => {
    expect(supportedRange(PULUMI_SDK.pinned)).toBe("3.270.x");
    for (const v of ["3.270.0", "3.270.4", "v3.270.1", "3.270.2-alpha.1"]) expect(() => checkSdkVersion(reader(v))).not.toThrow();
  });

  it("rejects a newer minor, naming the package, the installed version and the supported range", () => {
    expect(() => checkSdkVersion(reader("3.999.0"))).toThrow(
      `@pulumi/pulumi 3.999.0 is installed, but ${FILE} supports @pulumi/pulumi 3.270.x only (written against 3.270.0; it relies on SDK internals that change between minor releases). ` +
        `Install 3.270.x (the workspace catalog pins it), or re-check ${FILE} against 3.999.0 and update its pinned version.`,
    );
  });

  it("throws an SdkVersionError, which the plan CLI reports as such (exit 2) rather than as a program failure", () => {
    let caught: unknown;
    try {
      checkSdkVersion(reader("4.0.0"));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).name).toBe("SdkVersionError");
  });

  it("rejects an older minor, another major and a version it cannot read", () => {
    expect(() => checkSdkVersion(reader("3.269.9"))).toThrow("@pulumi/pulumi 3.269.9 is installed, but");
    expect(() => checkSdkVersion(reader("4.0.0"))).toThrow("@pulumi/pulumi 4.0.0 is installed, but");
    expect(() => checkSdkVersion(reader("2.270.0"))).toThrow("supports @pulumi/pulumi 3.270.x only");
    expect(() => checkSdkVersion(reader("latest"))).toThrow("@pulumi/pulumi latest is installed, but");
  });

  it("leaves the cached verdict for the installed SDK alone when a reader is passed in", async () => {
    expect(() => checkSdkVersion(reader("4.0.0"))).toThrow();
    const run = await runWithMocks(() => ({ ok: true }), { project: "p", stack: "s" });
    expect(run.stackOutputs).toEqual({ ok: true });
  });

  it("is what runWithMocks checks before it runs anything", async () => {
    let started = false;
    await jest.isolateModulesAsync(async () => {
      jest.doMock(`${PULUMI_SDK.name}/package.json`, () => ({ version: "3.999.0" }));
      const { runWithMocks: isolatedRun } = require("./run") as typeof import("./run");
      await expect(isolatedRun(() => void (started = true), { project: "p", stack: "s" })).rejects.toThrow("@pulumi/pulumi 3.999.0 is installed, but");
    });
    jest.dontMock(`${PULUMI_SDK.name}/package.json`);
    expect(started).toBe(false);
  });
});
