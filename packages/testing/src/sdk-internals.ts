// Every `@pulumi/pulumi` internal the mock engine relies on, in one place, with a version check.
//
// The engine drives the SDK as the Pulumi CLI's language host would: it swaps in its own resource
// monitor, resets the process-wide run state between runs, replaces the SDK's log functions and
// builds the SDK's own protobuf messages. None of that is public API: the deep module paths below
// (`runtime/state`, `log`, `proto/*`, google-protobuf's Struct) and the fields of the run state
// are undeclared or `@internal`, and may change in any minor release. This is the only file of
// `@mlops/testing` allowed to reach them (ESLint `no-restricted-syntax` in eslint.config.mjs);
// `checkSdkVersion()` makes an SDK this file was not checked against fail loudly at the start of a
// run instead of misbehaving quietly.
import { createRequire } from "node:module";
import * as pulumi from "@pulumi/pulumi";
import * as providerproto from "@pulumi/pulumi/proto/provider_pb";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";

export { providerproto, resproto };

// ---------------------------------------------------------------------------------------------
// The version check

/** The SDK this file was written and tested against (the workspace catalog pins the same). */
export const PULUMI_SDK = { name: "@pulumi/pulumi", pinned: "3.270.0" } as const;

/** Reads the version of an installed package by name (injectable, for tests). */
export type VersionReader = (pkg: string) => string;

/** The `version` in the package.json of the copy of `pkg` this module loads (its internals come from there). */
export const readInstalledVersion: VersionReader = (pkg) => (require(`${pkg}/package.json`) as { version: string }).version;

interface Version {
  major: number;
  minor: number;
}

/** `3.270.0`, `v1.21.0`, `3.270.1-alpha.1` → major and minor; undefined when it is not a version. */
function parseVersion(v: string): Version | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(v.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

/**
 * The versions an internals module supports: the pinned major.minor, any patch (`3.270.x`).
 *
 * Why no wider window: `@pulumi/pulumi` ships a minor release nearly every week, and minors are
 * where the run state gains fields (each new `supports*` feature flag the engine must set, or the
 * SDK quietly takes the previous run's value) and where the log, settings and proto modules move.
 * A patch release only fixes bugs. The catalog pins an exact version anyway, so this fires when
 * someone bumps it without re-running these tests, or when another copy of the SDK gets loaded:
 * re-check this file against the new version, then move `pinned`.
 */
export function supportedRange(pinned: string): string {
  const v = parseVersion(pinned);
  if (!v) throw new Error(`not a version: ${pinned}`);
  return `${v.major}.${v.minor}.x`;
}

/** The error for an installed version outside the supported range; undefined when it is inside. */
export function versionMismatch(sdk: { name: string; pinned: string }, installed: string, internalsFile: string): string | undefined {
  const want = parseVersion(sdk.pinned);
  const have = parseVersion(installed);
  if (want && have && have.major === want.major && have.minor === want.minor) return undefined;
  return (
    `${sdk.name} ${installed} is installed, but ${internalsFile} supports ${sdk.name} ${supportedRange(sdk.pinned)} only ` +
    `(written against ${sdk.pinned}; it relies on SDK internals that change between minor releases). ` +
    `Install ${supportedRange(sdk.pinned)} (the workspace catalog pins it), or re-check ${internalsFile} against ${installed} and update its pinned version.`
  );
}

/** An installed SDK outside the supported range: `name` is `SdkVersionError`. */
function sdkVersionError(message: string): Error {
  const error = new Error(message);
  error.name = "SdkVersionError";
  return error;
}

/**
 * A version check for an internals module: throws an `SdkVersionError` naming every SDK in
 * `sdks` whose installed version (read with `installed`) is outside {@link supportedRange}. The
 * verdict for the installed SDKs is computed once and cached; a reader passed in (tests) is
 * always asked. The analyzer's internals module (@mlops/policy) uses the same check.
 */
export function sdkVersionCheck(sdks: readonly { name: string; pinned: string }[], internalsFile: string, installed: VersionReader): (read?: VersionReader) => void {
  const check = (read: VersionReader): void => {
    const messages = sdks.map((sdk) => versionMismatch(sdk, read(sdk.name), internalsFile)).filter((m): m is string => m !== undefined);
    if (messages.length > 0) throw sdkVersionError(messages.join("\n"));
  };
  let verdict: { error?: Error } | undefined;
  return (read) => {
    if (read) return check(read);
    if (!verdict) {
      try {
        check(installed);
        verdict = {};
      } catch (error) {
        verdict = { error: error as Error };
      }
    }
    if (verdict.error) throw verdict.error;
  };
}

/** Throws when the installed `@pulumi/pulumi` is not the major.minor this module was written against. */
export const checkSdkVersion = sdkVersionCheck([PULUMI_SDK], "@mlops/testing (packages/testing/src/sdk-internals.ts)", readInstalledVersion);

// ---------------------------------------------------------------------------------------------
// protobuf

/** The protobuf Struct type, as the SDK's messages declare it. */
export type Struct = NonNullable<ReturnType<resproto.RegisterResourceResponse["getObject"]>>;

interface StructConstructor {
  fromJavaScript(value: Record<string, unknown>): Struct;
}

// google-protobuf is a dependency of @pulumi/pulumi, not ours: resolve it from there, so the
// Struct is the class the SDK's generated messages accept.
const fromPulumi = createRequire(require.resolve("@pulumi/pulumi/package.json"));

/** `google.protobuf.Struct` from the google-protobuf the SDK's messages use. */
export const ProtobufStruct = (fromPulumi("google-protobuf/google/protobuf/struct_pb") as { Struct: StructConstructor }).Struct;

// ---------------------------------------------------------------------------------------------
// The SDK's log module

type LogFn = (msg: string, resource?: pulumi.Resource, streamId?: number, ephemeral?: boolean) => Promise<void>;

/** The functions of the SDK's log module, which the SDK and `pulumi.log` look up at call time. */
export interface SdkLog {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

/** The module object itself (`@pulumi/pulumi/log`): assigning its members redirects every log call. */
export const sdkLog = require("@pulumi/pulumi/log") as SdkLog;

// ---------------------------------------------------------------------------------------------
// Stack captures

/** The SDK's `Resource` statics: `callsites()` captures a source position per resource. */
export function resourceStatics(): { callsites?: () => unknown[] } {
  return pulumi.Resource as unknown as { callsites?: () => unknown[] };
}

/**
 * runtime/debuggable.js wraps every internal promise, capturing `new Error().stack` and keeping
 * it in a leak-candidate set for the leak report printed at process exit. The SDK reads the
 * function from the module's exports at each call (`debuggable_1.debuggablePromise(...)`), so
 * replacing the export swaps it everywhere.
 */
export interface DebuggableModule {
  debuggablePromise<T>(p: Promise<T>, ctx: unknown): Promise<T>;
}
export const debuggableModule = require("@pulumi/pulumi/runtime/debuggable") as DebuggableModule;

// ---------------------------------------------------------------------------------------------
// The run state (runtime/state.js, runtime/settings.js)

/** The SDK's run state, reset by `setMockOptions` except where noted: not in its declarations. */
export interface RuntimeStore {
  settings: { rpcDone: Promise<unknown> };
  terminated: boolean;
  leakCandidates: Set<unknown>;
  supportsSecrets: boolean;
  supportsResourceReferences: boolean;
  supportsOutputValues: boolean;
  supportsDeletedWith: boolean;
  supportsReplaceWith: boolean;
  supportsAliasSpecs: boolean;
  supportsTransforms: boolean;
  supportsInvokeTransforms: boolean;
  supportsParameterization: boolean;
  supportsResourceHooks: boolean;
  supportsErrorHooks: boolean;
  supportsInvokeDependsOn: boolean;
  supportsStateMigrations: boolean;
}
/** One registration the SDK started and has not sent yet (runtime/resource.js), by phase. */
export interface PendingRegistration {
  type?: string;
  name?: string;
  label?: string;
  phase?: string;
  inputProperty?: string;
}
interface RuntimeState {
  getStore(): RuntimeStore;
  getPendingResourceRegistrations?(): Map<unknown, PendingRegistration>;
  setStackResource(stack: undefined): void;
}
const state = require("@pulumi/pulumi/runtime/state") as RuntimeState;
const runtime = pulumi.runtime as typeof pulumi.runtime & { waitForRPCs?: () => Promise<void> };

/** How a mock run points the SDK at the engine. */
export interface MockRunSettings {
  /** The SDK's mock-mode monitor: any object with the resource monitor's methods. */
  monitor: object;
  project: string;
  stack: string;
  preview: boolean;
  organization?: string;
  config: Record<string, string>;
  secretKeys: string[];
}

/**
 * Points the SDK at `settings.monitor` for one run and resets the process-wide state a previous
 * run left: the mock options, the feature flags the monitor advertises (the root stack asks the
 * monitor again, with the same answers), the termination flag and the config.
 */
export function beginMockRun(settings: MockRunSettings): RuntimeStore {
  pulumi.runtime.setMockOptions(settings.monitor, settings.project, settings.stack, settings.preview, settings.organization);
  const store = state.getStore();
  store.terminated = false;
  store.supportsSecrets = true;
  store.supportsResourceReferences = true;
  store.supportsOutputValues = false;
  store.supportsDeletedWith = true;
  store.supportsReplaceWith = true;
  store.supportsAliasSpecs = true;
  store.supportsTransforms = true;
  store.supportsInvokeTransforms = false;
  store.supportsParameterization = true;
  store.supportsResourceHooks = false;
  store.supportsErrorHooks = false;
  store.supportsInvokeDependsOn = false;
  store.supportsStateMigrations = false;
  pulumi.runtime.setAllConfig(settings.config, settings.secretKeys);
  return store;
}

/** Runs `program` inside the root `pulumi:pulumi:Stack`, whose outputs are its return value. */
export function runInStack(program: () => Promise<unknown>): Promise<void> {
  return pulumi.runtime.runInPulumiStack(program).then(() => undefined);
}

/** The registrations the SDK started and has not sent to the engine (empty on SDKs without the map). */
export function pendingRegistrations(store: RuntimeStore): Map<unknown, PendingRegistration> {
  return state.getPendingResourceRegistrations?.() ?? (store as { pendingResourceRegistrations?: Map<unknown, PendingRegistration> }).pendingResourceRegistrations ?? new Map();
}

/** Resolves when the SDK has no RPC outstanding. */
export async function waitForRpcs(store: RuntimeStore): Promise<void> {
  if (runtime.waitForRPCs) await runtime.waitForRPCs();
  else await store.settings.rpcDone;
}

/** The promise the SDK replaces whenever an RPC starts (how `settle` notices new work). */
export function rpcDoneOf(store: RuntimeStore): Promise<unknown> {
  return store.settings.rpcDone;
}

/** Stops the SDK's callback server (started for transforms), if any; forgets this run's stack. */
export function endMockRun(store: RuntimeStore): void {
  pulumi.runtime.disconnectSync();
  state.setStackResource(undefined);
  store.leakCandidates = new Set();
}
