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
// It checks both SDKs, with the mock engine's version check (`@mlops/testing`): the analyzer
// handlers come from `@pulumi/policy`, the protocol messages from `@pulumi/pulumi`.
import path from "node:path";
import type { EnforcementLevel, Policies } from "@pulumi/policy";
import type * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import { sdkVersionCheck, supportedRange, type VersionReader } from "@mlops/testing";

export type { analyzerPb };

// ---------------------------------------------------------------------------------------------
// The version check

/** The SDKs this file was written and tested against (the workspace catalog pins the same). */
export const POLICY_SDK = { name: "@pulumi/policy", pinned: "1.21.0" } as const;
export const PULUMI_SDK = { name: "@pulumi/pulumi", pinned: "3.270.0" } as const;

const FILE = "@mlops/policy (packages/policy/src/analyzer/policy-internals.ts)";

/** The `version` in the package.json of the copy of `pkg` this module loads (`@pulumi/policy` writes `v1.21.0`). */
export const readInstalledVersion: VersionReader = (pkg) => (require(`${pkg}/package.json`) as { version: string }).version;

export { supportedRange };

/**
 * Throws when the installed `@pulumi/policy` or `@pulumi/pulumi` is not the major.minor this
 * module was written against: the mock engine's check (@mlops/testing), over both SDKs.
 */
export const checkSdkVersion = sdkVersionCheck([POLICY_SDK, PULUMI_SDK], FILE, readInstalledVersion);

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
