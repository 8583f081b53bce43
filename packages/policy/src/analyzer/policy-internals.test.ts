import { describe, expect, it, jest } from "@jest/globals";
import { POLICY_SDK, PULUMI_SDK, checkSdkVersion, readInstalledVersion, supportedRange } from "./policy-internals";

const FILE = "@mlops/policy (packages/policy/src/analyzer/policy-internals.ts)";

/** Answers `versions[pkg]`, else the pinned version. */
const reader =
  (versions: Record<string, string>) =>
  (pkg: string): string =>
    versions[pkg] ?? { [POLICY_SDK.name]: POLICY_SDK.pinned, [PULUMI_SDK.name]: PULUMI_SDK.pinned }[pkg] ?? "0.0.0";

describe("the @pulumi/policy and @pulumi/pulumi version check of the analyzer", () => {
  it("is written against the installed SDKs, which pass", () => {
    expect([POLICY_SDK.pinned, PULUMI_SDK.pinned]).toEqual(["1.21.0", "3.270.0"]);
    // @pulumi/policy writes its version with a leading "v".
    expect(readInstalledVersion("@pulumi/policy").replace(/^v/, "")).toBe(POLICY_SDK.pinned);
    expect(readInstalledVersion("@pulumi/pulumi")).toBe(PULUMI_SDK.pinned);
    expect(() => checkSdkVersion()).not.toThrow();
    expect(() => checkSdkVersion(readInstalledVersion)).not.toThrow();
  });

  it("supports the pinned minor releases, any patch", () => {
    expect([supportedRange(POLICY_SDK.pinned), supportedRange(PULUMI_SDK.pinned)]).toEqual(["1.21.x", "3.270.x"]);
    expect(() => checkSdkVersion(reader({ "@pulumi/policy": "v1.21.3", "@pulumi/pulumi": "3.270.2" }))).not.toThrow();
  });

  it("rejects another minor of @pulumi/policy, naming the package, the installed version and the supported range", () => {
    expect(() => checkSdkVersion(reader({ "@pulumi/policy": "1.99.0" }))).toThrow(
      `@pulumi/policy 1.99.0 is installed, but ${FILE} supports @pulumi/policy 1.21.x only (written against 1.21.0; it relies on SDK internals that change between minor releases). ` +
        `Install 1.21.x (the workspace catalog pins it), or re-check ${FILE} against 1.99.0 and update its pinned version.`,
    );
    expect(() => checkSdkVersion(reader({ "@pulumi/policy": "v2.0.0" }))).toThrow("@pulumi/policy v2.0.0 is installed, but");
  });

  it("rejects another minor or major of @pulumi/pulumi, whose analyzer protocol messages it builds", () => {
    expect(() => checkSdkVersion(reader({ "@pulumi/pulumi": "3.999.0" }))).toThrow(`@pulumi/pulumi 3.999.0 is installed, but ${FILE} supports @pulumi/pulumi 3.270.x only`);
    expect(() => checkSdkVersion(reader({ "@pulumi/pulumi": "4.0.0" }))).toThrow("@pulumi/pulumi 4.0.0 is installed, but");
  });

  it("throws an SdkVersionError", () => {
    let caught: unknown;
    try {
      checkSdkVersion(reader({ "@pulumi/pulumi": "4.0.0" }));
    } catch (error) {
      caught = error;
    }
    expect((caught as Error).name).toBe("SdkVersionError");
  });

  it("names every SDK that is off, one per line", () => {
    expect(() => checkSdkVersion(reader({ "@pulumi/policy": "1.99.0", "@pulumi/pulumi": "4.0.0" }))).toThrow(/@pulumi\/policy 1\.99\.0 is installed[^\n]*\n@pulumi\/pulumi 4\.0\.0 is installed/);
  });

  it("is what createAnalyzer (the evaluatePolicies path) checks before it builds the handlers", async () => {
    await jest.isolateModulesAsync(async () => {
      jest.doMock(`${POLICY_SDK.name}/package.json`, () => ({ version: "v1.99.0" }));
      const { createAnalyzer } = require("./server") as typeof import("./server");
      expect(() => createAnalyzer("pack", "0.0.0", "mandatory", [])).toThrow("@pulumi/policy v1.99.0 is installed, but");
    });
    jest.dontMock(`${POLICY_SDK.name}/package.json`);
  });
});
