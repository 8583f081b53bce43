/**
 * Typed access to `@pulumi/policy`'s analyzer without its gRPC server.
 *
 * `new PolicyPack(...)` calls `serve()` in `@pulumi/policy/server`, which binds a gRPC server
 * and registers the `analyze` / `analyzeStack` handlers made by `makeAnalyzeRpcFun` and
 * `makeAnalyzeStackRpcFun`. Those two factories are exported from the module (marked
 * `@internal`, so its `.d.ts` is empty): we require the module by its internal path and call
 * the handlers directly with protobuf requests, exactly as the gRPC server would. Policies
 * therefore run through CrossGuard's own deserialization, unknown-checking proxy, enforcement
 * levels, not-applicable handling and diagnostics. Pinned by the workspace catalog
 * (`@pulumi/policy` 1.21.0); the tests fail loudly if these internals move.
 */
import path from "node:path";
import type { EnforcementLevel, Policies } from "@pulumi/policy";
import type * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";

/** The response a handler passes to its callback. */
export type AnalyzeResponse = analyzerPb.AnalyzeResponse;

type Callback = (err: Error | null | undefined, response?: AnalyzeResponse) => void;
type Handler = (call: { request: unknown }, callback: Callback) => Promise<void>;
type HandlerFactory = (packName: string, packVersion: string, packLevel: EnforcementLevel, policies: Policies) => Handler;

interface PolicyServerInternals {
  makeAnalyzeRpcFun: HandlerFactory;
  makeAnalyzeStackRpcFun: HandlerFactory;
}

interface StructConstructor {
  fromJavaScript(value: Record<string, unknown>): analyzerPb.AnalyzeRequest["getProperties"] extends () => infer S ? NonNullable<S> : never;
}

const server = require("@pulumi/policy/server") as PolicyServerInternals;
if (typeof server.makeAnalyzeRpcFun !== "function" || typeof server.makeAnalyzeStackRpcFun !== "function") {
  throw new Error("@pulumi/policy/server no longer exports makeAnalyzeRpcFun / makeAnalyzeStackRpcFun; update packages/policy/src/analyzer");
}

/** The protobuf messages of Pulumi's analyzer protocol (the copy `@pulumi/policy` uses). */
export const proto = require("@pulumi/pulumi/proto/analyzer_pb") as typeof analyzerPb;

/**
 * `google.protobuf.Struct`, from the `google-protobuf` that `@pulumi/pulumi`'s generated
 * messages use (it is not a dependency of this package).
 */
export const Struct: StructConstructor = require(
  require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [path.dirname(require.resolve("@pulumi/pulumi/package.json"))] }),
).Struct;

/** Calls a handler as the gRPC server would and resolves with its response. */
function call(handler: Handler, request: unknown): Promise<AnalyzeResponse> {
  return new Promise((resolve, reject) => {
    handler({ request }, (err, response) => (err ? reject(err) : response ? resolve(response) : reject(new Error("analyzer returned no response")))).catch(reject);
  });
}

/** The analyzer for one policy list and pack-level enforcement, without a server. */
export interface Analyzer {
  analyze(request: analyzerPb.AnalyzeRequest): Promise<AnalyzeResponse>;
  analyzeStack(request: analyzerPb.AnalyzeStackRequest): Promise<AnalyzeResponse>;
}

/** Builds the `analyze` and `analyzeStack` handlers `@pulumi/policy` would serve for a pack. */
export function createAnalyzer(packName: string, packVersion: string, packLevel: EnforcementLevel, policies: Policies): Analyzer {
  const analyze = server.makeAnalyzeRpcFun(packName, packVersion, packLevel, policies);
  const analyzeStack = server.makeAnalyzeStackRpcFun(packName, packVersion, packLevel, policies);
  return { analyze: (r) => call(analyze, r), analyzeStack: (r) => call(analyzeStack, r) };
}
