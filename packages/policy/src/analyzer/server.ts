/**
 * `@pulumi/policy`'s analyzer without its gRPC server: the `analyze` and `analyzeStack` handlers a
 * policy pack would serve, called directly with protobuf requests, exactly as the gRPC server
 * would. Policies therefore run through CrossGuard's own deserialization, unknown-checking proxy,
 * enforcement levels, not-applicable handling and diagnostics. The SDK internals this needs live in
 * `policy-internals.ts`, with the version check `createAnalyzer` runs.
 */
import type { EnforcementLevel, Policies } from "@pulumi/policy";
import { checkSdkVersion, makeAnalyzeHandler, makeAnalyzeStackHandler, proto, Struct, type AnalyzeResponse, type Handler, type analyzerPb } from "./policy-internals";

export { proto, Struct, type AnalyzeResponse };

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

/**
 * Builds the `analyze` and `analyzeStack` handlers `@pulumi/policy` would serve for a pack.
 * Throws when the installed `@pulumi/policy` or `@pulumi/pulumi` is not the minor release the
 * analyzer was written against (checked once per process).
 */
export function createAnalyzer(packName: string, packVersion: string, packLevel: EnforcementLevel, policies: Policies): Analyzer {
  checkSdkVersion();
  const analyze = makeAnalyzeHandler(packName, packVersion, packLevel, policies);
  const analyzeStack = makeAnalyzeStackHandler(packName, packVersion, packLevel, policies);
  return { analyze: (r) => call(analyze, r), analyzeStack: (r) => call(analyzeStack, r) };
}
