// Every SDK internal the in-process policy analyzer relies on, in one place, with a version check.
//
// `new PolicyPack(...)` calls `serve()` in `@pulumi/policy/server`, which binds a gRPC server and
// registers the `analyze` / `analyzeStack` handlers made by `makeAnalyzeRpcFun` and
// `makeAnalyzeStackRpcFun`. Those two factories are exported from that module but marked
// `@internal` (its `.d.ts` is empty): we require it by its internal path and call the handlers
// with the protobuf requests of Pulumi's analyzer protocol (`@pulumi/pulumi/proto/analyzer_pb`,
// the copy `@pulumi/policy` itself uses), exactly as the gRPC server would. This is the only file
// of `packages/policy/src/analyzer` (and of the CLI) allowed to reach them (ESLint
// `no-restricted-syntax` in eslint.config.mjs).
//
// It checks both SDKs: the analyzer handlers come from `@pulumi/policy`, the protocol messages from
// `@pulumi/pulumi`. `@mlops/testing` has the same rule for the mock engine in its own
// `sdk-internals.ts`; the two packages do not depend on each other, so neither can import it.
import path from "node:path";
import type { EnforcementLevel, Policies } from "@pulumi/policy";
import type * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";

export type { analyzerPb };

// ---------------------------------------------------------------------------------------------
// The version check

/** The SDKs this file was written and tested against (the workspace catalog pins the same). */
export const POLICY_SDK = { name: "@pulumi/policy", pinned: "1.21.0" } as const;
export const PULUMI_SDK = { name: "@pulumi/pulumi", pinned: "3.270.0" } as const;

/** Reads the version of an installed package by name (injectable, for tests). */
export type VersionReader = (pkg: string) => string;

/** The `version` in the package.json of the copy of `pkg` this module loads (`@pulumi/policy` writes `v1.21.0`). */
export const readInstalledVersion: VersionReader = (pkg) => (require(`${pkg}/package.json`) as { version: string }).version;

interface Version {
  major: number;
  minor: number;
}

function parseVersion(v: string): Version | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(v.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

/**
 * The versions supported: the pinned major.minor, any patch (`1.21.x`). The handler factories and
 * the unknown-checking proxy they wrap policies in are `@internal` to `@pulumi/policy` and may
 * change in any minor release; `@pulumi/pulumi` ships a minor nearly every week. A patch only
 * fixes bugs. The catalog pins exact versions, so this fires when someone bumps one without
 * re-running the analyzer tests: re-check this file against the new version, then move `pinned`.
 */
export function supportedRange(pinned: string): string {
  const v = parseVersion(pinned);
  if (!v) throw new Error(`not a version: ${pinned}`);
  return `${v.major}.${v.minor}.x`;
}

const FILE = "@mlops/policy (packages/policy/src/analyzer/policy-internals.ts)";

function mismatch(sdk: { name: string; pinned: string }, installed: string): string | undefined {
  const want = parseVersion(sdk.pinned);
  const have = parseVersion(installed);
  if (want && have && have.major === want.major && have.minor === want.minor) return undefined;
  return (
    `${sdk.name} ${installed} is installed, but ${FILE} supports ${sdk.name} ${supportedRange(sdk.pinned)} only ` +
    `(written against ${sdk.pinned}; it relies on SDK internals that change between minor releases). ` +
    `Install ${supportedRange(sdk.pinned)} (the workspace catalog pins it), or re-check ${FILE} against ${installed} and update its pinned version.`
  );
}

/** An installed SDK outside the supported range: `name` is `SdkVersionError`. */
function sdkVersionError(message: string): Error {
  const error = new Error(message);
  error.name = "SdkVersionError";
  return error;
}

let verdict: { error?: Error } | undefined;

/**
 * Throws when the installed `@pulumi/policy` or `@pulumi/pulumi` is not the major.minor this
 * module was written against ({@link supportedRange}). The verdict for the installed SDKs is
 * computed once and cached; a `read` passed in (tests) is always asked.
 */
export function checkSdkVersion(read?: VersionReader): void {
  if (read) return check(read);
  if (!verdict) {
    try {
      check(readInstalledVersion);
      verdict = {};
    } catch (error) {
      verdict = { error: error as Error };
    }
  }
  if (verdict.error) throw verdict.error;
}

function check(read: VersionReader): void {
  const messages = [POLICY_SDK, PULUMI_SDK].map((sdk) => mismatch(sdk, read(sdk.name))).filter((m): m is string => m !== undefined);
  if (messages.length > 0) throw sdkVersionError(messages.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// The analyzer handlers of @pulumi/policy/server

/** The response a handler passes to its callback. */
export type AnalyzeResponse = analyzerPb.AnalyzeResponse;

type Callback = (err: Error | null | undefined, response?: AnalyzeResponse) => void;
/** A gRPC unary handler, as `serve()` registers it. */
export type Handler = (call: { request: unknown }, callback: Callback) => Promise<void>;
type HandlerFactory = (packName: string, packVersion: string, packLevel: EnforcementLevel, policies: Policies) => Handler;

interface PolicyServerInternals {
  makeAnalyzeRpcFun: HandlerFactory;
  makeAnalyzeStackRpcFun: HandlerFactory;
}

const server = require("@pulumi/policy/server") as PolicyServerInternals;
if (typeof server.makeAnalyzeRpcFun !== "function" || typeof server.makeAnalyzeStackRpcFun !== "function") {
  throw new Error(
    `@pulumi/policy/server (${POLICY_SDK.name} ${readInstalledVersion(POLICY_SDK.name)}) no longer exports makeAnalyzeRpcFun / makeAnalyzeStackRpcFun; ` +
      `${FILE} supports ${supportedRange(POLICY_SDK.pinned)}`,
  );
}

/** `makeAnalyzeRpcFun`: the `analyze` handler `serve()` registers for a pack. */
export const makeAnalyzeHandler: HandlerFactory = server.makeAnalyzeRpcFun;
/** `makeAnalyzeStackRpcFun`: the `analyzeStack` handler `serve()` registers for a pack. */
export const makeAnalyzeStackHandler: HandlerFactory = server.makeAnalyzeStackRpcFun;

// ---------------------------------------------------------------------------------------------
// The analyzer protocol's messages

/** The protobuf messages of Pulumi's analyzer protocol (the copy `@pulumi/policy` uses). */
export const proto = require("@pulumi/pulumi/proto/analyzer_pb") as typeof analyzerPb;

interface StructConstructor {
  fromJavaScript(value: Record<string, unknown>): analyzerPb.AnalyzeRequest["getProperties"] extends () => infer S ? NonNullable<S> : never;
}

/**
 * `google.protobuf.Struct`, from the `google-protobuf` that `@pulumi/pulumi`'s generated
 * messages use (it is not a dependency of this package).
 */
export const Struct: StructConstructor = require(
  require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [path.dirname(require.resolve("@pulumi/pulumi/package.json"))] }),
).Struct;
