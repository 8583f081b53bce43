/**
 * The value recorded for an input or output that is unknown during a preview (`preview: true`),
 * as Pulumi's engine would show it: a computed value of a resource not created yet.
 */
export const UNKNOWN = "<unknown>";

/** One resource registration (or read) the program made, as the engine saw it. */
export interface RecordedResource {
  /** The type token, e.g. `aws:s3/bucketV2:BucketV2`, `mlops:storage:ObjectStore`, `pulumi:providers:aws`. */
  type: string;
  /** The logical name. */
  name: string;
  /**
   * The URN, with the full parent type chain as the engine computes it:
   * `urn:pulumi:<stack>::<project>::<parentType$...$type>::<name>` (the root stack type is not part of the chain).
   */
  urn: string;
  /** The parent URN: the root stack resource's URN for top-level resources; absent for the stack itself. */
  parent?: string;
  /** URNs this resource depends on: `dependsOn` plus the resources its inputs came from. */
  dependencies: string[];
  /** The URNs each top-level input came from, as the engine records them: `{ bucket: [bucketUrn] }`. */
  propertyDependencies: Record<string, string[]>;
  /**
   * Plain input values. Secrets are unwrapped to their plain value (see {@link secretPaths});
   * values unknown during a preview are the string {@link UNKNOWN}; a reference to a custom
   * resource is its id (a component: its URN); assets and archives are `{ kind: "asset" | "archive", ... }`.
   */
  inputs: Record<string, unknown>;
  /**
   * Dotted paths of the inputs that were secret, e.g. `["password", "environment.variables.TOKEN"]`;
   * array elements are numbered (`containers.0.env`). A path covers everything below it.
   */
  secretPaths: string[];
  /**
   * Dotted paths of the outputs that were secret, when any: secret inputs echoed back, the
   * provider's `additionalSecretOutputs` (a RandomPassword's `result`), a component's secret
   * `registerOutputs`. Reports mask them (see {@link outputs}).
   */
  outputSecretPaths?: string[];
  protect: boolean;
  retainOnDelete: boolean;
  /** The provider reference `"<urn>::<id>"` the resource uses: the explicit one or the engine's default provider. */
  provider?: string;
  /** False for component resources (and the root stack). */
  custom: boolean;
  /** True for multi-language components constructed by a provider (`eks:index:Cluster`, `awsx:ec2:Vpc`). */
  remote: boolean;
  /** The id the mock assigned (custom resources; absent in preview, where ids are unknown). */
  id?: string;
  /**
   * Other URNs this resource answers to (`aliases`), resolved as the engine resolves them,
   * including those inherited from the parent's aliases. Absent when there are none.
   */
  aliases?: string[];
  /**
   * Set on a resource the offline plan did not see the program register but modelled: a child
   * of a remote component (`awsx:ec2:Vpc`, `eks:index:Cluster`, yaml v2 `ConfigGroup`) as the
   * provider would create it from the component's inputs. Policies check it like any other.
   */
  modelled?: true;
  /**
   * Set on a resource the program reads (`aws.ec2.Vpc.get`, a stack reference) rather than
   * manages. Pulumi sends reads to no policy pack, and neither does the offline plan.
   */
  read?: true;
  /**
   * Set on a remote component whose children the offline plan cannot know (a Helm v4 `Chart`
   * rendered at deploy time, a component with no model), or on a custom resource the provider
   * renders at deploy time (a Helm v3 `Release`): why. Policies never saw its children.
   */
  unverified?: string;
  /**
   * The plain outputs: what the mock engine answered for a custom or remote resource
   * (inputs plus canned computed fields), what `registerOutputs` gave for a component.
   */
  outputs: Record<string, unknown>;
}

/** One provider function call (invoke) the program made. */
export interface InvokeRecord {
  token: string;
  /** Plain arguments (secrets unwrapped). */
  args: Record<string, unknown>;
  /** What the mock answered (absent when the invoke failed). */
  result?: Record<string, unknown>;
}

/** One message the program or the SDK logged (`pulumi.log.info/warn/error`, the runtime's warnings). */
export interface LogRecord {
  severity: "info" | "warning" | "error";
  message: string;
  /** The URN of the resource the message is about, if any. */
  urn?: string;
}

/** Canned outputs for one resource type: receives the resource's name and plain inputs. */
export type OutputsMock = (r: { name: string; inputs: Record<string, unknown> }) => Record<string, unknown>;
/** A canned provider function or component method: receives plain arguments. */
export type FunctionMock = (args: Record<string, unknown>) => Record<string, unknown>;

/** How {@link runWithMocks} runs a program. */
export interface MockRunOptions {
  project: string;
  stack: string;
  /** Full config keys `ns:key` to strings (objects JSON-encoded), as Pulumi passes config. */
  config?: Record<string, string>;
  /** The config keys whose values are secret. */
  secretKeys?: string[];
  /** Run as `pulumi preview`: computed outputs and ids are unknown. Default: false. */
  preview?: boolean;
  organization?: string;
  /** Extra or overriding provider function mocks, by token. An invoke without a mock fails the run. */
  invokes?: Record<string, FunctionMock>;
  /**
   * Extra or overriding canned outputs, by resource type: merged over the built-in ones
   * (also in preview: what you return here is known).
   */
  outputs?: Record<string, OutputsMock>;
  /** Component method mocks, by token (`eks:index:Cluster/getKubeconfig`). A call without a mock fails the run. */
  calls?: Record<string, FunctionMock>;
  /**
   * The outputs of the stacks the program references (`new pulumi.StackReference("acme/network/prod")`),
   * by the stack name the program passes. A secret output is `{ "fn::secret": value }` ({@link mockSecret}).
   * A stack reference with no entry fails the run (unless an `outputs` mock for `pulumi:pulumi:StackReference` answers it).
   */
  stackReferences?: Record<string, Record<string, unknown>>;
  /**
   * Fail with a `PendingWorkError` naming what is pending when the program has not finished
   * after this many milliseconds. Default: no limit (a program that can never finish still
   * fails at once, when the event loop empties).
   */
  timeoutMs?: number;
}

/** What {@link runWithMocks} recorded. */
export interface MockRunResult<T> {
  /** In registration order, including the root stack resource and providers (explicit and default). */
  resources: RecordedResource[];
  invokes: InvokeRecord[];
  /** The program's return value as stack outputs, resolved to plain values (unknowns as {@link UNKNOWN}). */
  stackOutputs: Record<string, unknown>;
  /** Top-level stack output keys whose value is or contains a secret. */
  secretOutputs: string[];
  /** The raw return value of the program function. */
  result: T;
  /** Messages logged during the run (the runtime's warnings included), in order. */
  logs: LogRecord[];
}
