// A resource monitor for the SDK's mock mode (`pulumi.runtime.setMockOptions`). Unlike the stock
// `MockMonitor` it sees every request in full and records it: URNs with the whole parent type
// chain, dependencies, secrets, options, providers (explicit and the engine's default ones),
// invokes and component method calls. Canned outputs come from ./outputs and ./remote.
import type * as pulumi from "@pulumi/pulumi";
import { uuidOf } from "./ids";
import { CALL_RULES, INVOKE_RULES, UnmatchedInvokeMock, maskSecretArgs, missingMockError, valueAtPath } from "./invokes";
import { cannedOutputs, type OutputContext } from "./outputs";
import { fromStruct, providerproto, resproto, rpcError, toStruct } from "./proto";
import { PROVIDER_PREFIX, Providers } from "./providers";
import { modelComponent, type ModelResult } from "./models";
import { recordChildren } from "./models/record";
import { STACK_REFERENCE_TYPE, missingStackReferenceError, mockToWire, stackReferenceState } from "./stack-references";
import { applyTransforms, type Registration } from "./transforms";
import type { FunctionMock, InvokeRecord, OutputsMock, RecordedResource } from "./types";
import { containsSecretWire, decode, encode, isSecretWire, secretWire } from "./wire";

/** Custom resources whose real content the provider renders at deploy time: no policy can see it. */
const RENDERED_AT_DEPLOY: Readonly<Record<string, string>> = {
  "kubernetes:helm.sh/v3:Release":
    "a Helm release is rendered and installed by the provider at deploy time: the offline plan cannot know the objects its chart creates, so no policy saw them",
};

type Callback = (err: Error | null, resp?: unknown) => void;

const STACK_TYPE = "pulumi:pulumi:Stack";
const F = resproto.ResourceMonitorFeature;
/** What this monitor implements. Not output values (inputs stay plain, as with the stock mocks), not hooks. */
const FEATURES = [F.RESOURCE_MONITOR_FEATURE_SECRETS, F.RESOURCE_MONITOR_FEATURE_RESOURCE_REFERENCES, F.RESOURCE_MONITOR_FEATURE_ALIAS_SPECS, F.RESOURCE_MONITOR_FEATURE_DELETED_WITH, F.RESOURCE_MONITOR_FEATURE_REPLACE_WITH, F.RESOURCE_MONITOR_FEATURE_REPLACEMENT_TRIGGER, F.RESOURCE_MONITOR_FEATURE_TRANSFORMS, F.RESOURCE_MONITOR_FEATURE_PARAMETERIZATION];
const LEGACY_FEATURES = new Set(["secrets", "resourceReferences", "aliasSpecs", "deletedWith", "replaceWith", "transforms", "parameterization"]);

/** Everything a run configures. */
export interface MonitorOptions {
  project: string;
  stack: string;
  preview: boolean;
  organization: string;
  config: Record<string, string>;
  secretKeys: readonly string[];
  invokes: Record<string, FunctionMock>;
  outputs: Record<string, OutputsMock>;
  calls: Record<string, FunctionMock>;
  /** Outputs of referenced stacks, by stack name; secret ones marked `{ "fn::secret": value }`. */
  stackReferences: Record<string, Record<string, unknown>>;
}

interface Stored {
  record: RecordedResource;
  /** The type chain that prefixes children's types in their URNs ("" for the root stack). */
  chain: string;
  /** The wire state, for `pulumi:pulumi:getResource`. */
  state: Record<string, unknown>;
  /** The resource's own transforms, inherited by its children. */
  transforms: string[];
}

/** The mock resource monitor of one run. */
export class RecordingMonitor {
  readonly resources: RecordedResource[] = [];
  readonly invokes: InvokeRecord[] = [];
  /** Errors the program may have swallowed but a run must not: unmocked invokes and calls. */
  readonly failures: Error[] = [];
  /** The root stack's outputs as sent (wire), once registered. */
  stackOutputs: Record<string, unknown> | undefined;
  /** Bumped on every request: the run waits until it stops moving. */
  activity = 0;

  private readonly byUrn = new Map<string, Stored>();
  private readonly providers: Providers;
  private readonly transformFns = new Map<string, pulumi.ResourceTransform>();
  private readonly stackTransforms: string[] = [];
  /** The `providers` map each component was registered with: a remote component's children inherit its ancestors' (as the engine's component providers). */
  private readonly componentProviders = new Map<string, Record<string, string>>();

  constructor(private readonly opts: MonitorOptions) {
    this.providers = new Providers(opts, (type, name) => this.urnOf("", type, name), (record, wire) => this.store(record, record.type, wire, []));
  }

  // ---- resources -------------------------------------------------------------------------

  registerResource(req: resproto.RegisterResourceRequest, callback: Callback): void {
    this.activity++;
    this.doRegister(req).then(
      (resp) => callback(null, resp),
      (err: unknown) => callback(rpcError(err)),
    );
  }

  private async doRegister(req: resproto.RegisterResourceRequest): Promise<resproto.RegisterResourceResponse> {
    const type = req.getType();
    const name = req.getName();
    const custom = req.getCustom();
    const remote = req.getRemote();
    const propertyDependencies: Record<string, string[]> = {};
    const propertyDeps: string[] = [];
    for (const [key, deps] of req.getPropertydependenciesMap().entries()) {
      const urns = deps.getUrnsList();
      if (urns.length === 0) continue;
      propertyDependencies[key] = urns;
      propertyDeps.push(...urns);
    }
    let reg: Registration = {
      type,
      name,
      custom,
      parent: req.getParent(),
      props: fromStruct(req.getObject()),
      protect: req.getProtect() === true,
      retainOnDelete: req.getRetainondelete() === true,
      provider: req.getProvider(),
      dependsOn: req.getDependenciesList(),
      ignoreChanges: req.getIgnorechangesList(),
      additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
    };
    const ownTransforms = req.getTransformsList().map((cb) => cb.getToken());
    const transforms = this.transformsFor(ownTransforms, reg.parent);
    if (transforms.length > 0) reg = await applyTransforms(transforms, reg);

    const urn = this.urnOf(reg.parent, type, name);
    const aliases = this.aliasesOf(req, reg.parent, type, name);
    if (this.byUrn.has(urn)) throw new Error(`Duplicate resource URN '${urn}'; try giving it a unique name`);
    const decoded = decode(reg.props);
    const pkg = type.split(":")[0] ?? "";
    let provider = reg.provider || (remote ? (req.getProvidersMap().get(pkg) ?? "") : "");
    if (!provider && (custom || remote) && !type.startsWith(PROVIDER_PREFIX) && pkg !== "pulumi") provider = this.providers.defaultFor(pkg, req.getVersion());

    if (!custom) this.componentProviders.set(urn, Object.fromEntries(req.getProvidersMap().entries()));
    const record: RecordedResource = {
      type,
      name,
      urn,
      ...(reg.parent ? { parent: reg.parent } : {}),
      dependencies: unique([...reg.dependsOn, ...propertyDeps, ...decoded.dependencies]),
      propertyDependencies,
      inputs: decoded.value,
      secretPaths: decoded.secretPaths,
      protect: reg.protect,
      retainOnDelete: reg.retainOnDelete,
      ...(provider ? { provider } : {}),
      custom,
      remote,
      outputs: {},
      ...(aliases.length > 0 ? { aliases } : {}),
    };

    let state: Record<string, unknown> = reg.props;
    let id = "";
    let model: ModelResult | undefined;
    if (custom || remote) {
      const ctx = this.providers.context(type, name, decoded.value, [provider, req.getProvidersMap().get("aws"), req.getProvidersMap().get("gcp")]);
      // A remote component: the children its provider would create, from a model (or unverified).
      if (remote) model = modelComponent({ ...ctx, preview: this.opts.preview, stack: this.opts.stack, project: this.opts.project, cwd: process.cwd(), providerInputs: this.byUrn.get(provider.slice(0, provider.lastIndexOf("::")))?.record.inputs ?? {}, outputsById: (i) => this.resources.find((r) => r.id === i)?.outputs }, (t, n, i) => this.modelledAnswer(urn, t, n, i, (p) => this.childProvider(p, pkg, provider, req)));
      const answer = this.answer(ctx, urn, custom, reg.props, model && "outputs" in model ? model.outputs : {});
      state = withSecretOutputs(answer.state, reg.additionalSecretOutputs);
      record.outputs = answer.plain;
      setOutputSecretPaths(record, state);
      if (answer.id) {
        id = answer.id;
        record.id = id;
      }
      if (type.startsWith(PROVIDER_PREFIX)) this.providers.remember(Providers.ref(urn, id), decoded.value);
    }
    this.store(record, type, state, ownTransforms);
    const deployTime = RENDERED_AT_DEPLOY[type];
    if (deployTime) record.unverified = deployTime;
    if (model && "unverified" in model) record.unverified = model.unverified;
    else if (model) await this.recordModelled(record, model.children, (p) => this.childProvider(p, pkg, provider, req));

    const resp = new resproto.RegisterResourceResponse();
    resp.setUrn(urn);
    resp.setId(id);
    resp.setObject(toStruct(state));
    return resp;
  }

  /** The id, wire state and plain outputs the "provider" answers for a custom or remote resource. */
  private answer(ctx: OutputContext, urn: string, custom: boolean, wireInputs: Record<string, unknown>, remoteComputed: Record<string, unknown> = {}): { id: string; state: Record<string, unknown>; plain: Record<string, unknown> } {
    const user = this.opts.outputs[ctx.type]?.({ name: ctx.name, inputs: ctx.inputs });
    let id = "";
    let computed: Record<string, unknown> = {};
    if (!this.opts.preview) {
      if (ctx.type.startsWith(PROVIDER_PREFIX)) id = uuidOf(urn);
      else if (custom) ({ id, computed } = cannedOutputs(ctx));
      else computed = remoteComputed;
    }
    if (user) {
      computed = { ...computed, ...user };
      if (typeof user["id"] === "string" && custom) id = user["id"];
    }
    // Remote components do not echo their inputs during a preview: everything is unknown.
    const base = !custom && this.opts.preview && !user ? {} : wireInputs;
    const state: Record<string, unknown> = { ...base };
    for (const k of Object.keys(computed)) state[k] = encode(computed[k]);
    const plain = { ...(base === wireInputs ? ctx.inputs : {}), ...computed };
    return { id, state, plain };
  }

  /** A modelled child's id and outputs, as {@link answer} gives a custom resource's (canned, user overrides; unknown in a preview). */
  private modelledAnswer(componentUrn: string, type: string, name: string, inputs: Record<string, unknown>, providerFor: (pkg: string) => string | undefined): { id: string; outputs: Record<string, unknown> } {
    const ctx = this.providers.context(type, name, inputs, type.startsWith(PROVIDER_PREFIX) ? [] : [providerFor(type.split(":")[0] ?? "")]);
    const user = this.opts.outputs[type]?.({ name, inputs });
    let id = "";
    let computed: Record<string, unknown> = {};
    if (!this.opts.preview) {
      if (type.startsWith(PROVIDER_PREFIX)) id = uuidOf(`${componentUrn}$${type}::${name}`);
      else ({ id, computed } = cannedOutputs(ctx));
    }
    if (user) {
      computed = { ...computed, ...user };
      if (typeof user["id"] === "string") id = user["id"];
    }
    return { id, outputs: { ...inputs, ...computed } };
  }

  /**
   * The provider a remote component's child of package `childPkg` uses: the component's own for
   * its package, else the one the program passed for that package (`providers`), else the
   * engine's default provider for it (the one the program already uses, if any).
   */
  private childProvider(childPkg: string, componentPkg: string, componentProvider: string, req: resproto.RegisterResourceRequest): string | undefined {
    if (!childPkg || childPkg === "pulumi") return undefined;
    if (childPkg === componentPkg && componentProvider) return componentProvider;
    const given = req.getProvidersMap().get(childPkg);
    if (given) return given;
    for (let p = req.getParent(); p; p = this.byUrn.get(p)?.record.parent ?? "") {
      const inherited = this.componentProviders.get(p)?.[childPkg];
      if (inherited) return inherited;
    }
    const existing = this.resources.find((r) => r.type === `${PROVIDER_PREFIX}${childPkg}` && !r.parent && r.name.startsWith("default"));
    return existing ? Providers.ref(existing.urn, existing.id ?? "") : this.providers.defaultFor(childPkg, "");
  }

  /** URNs of modelled children being recorded (see `claim`). */
  private readonly claimedUrns = new Set<string>();

  /** Records a modelled component's children under it. */
  private async recordModelled(component: RecordedResource, children: Parameters<typeof recordChildren>[1], providerFor: (pkg: string) => string | undefined): Promise<void> {
    await recordChildren(component, children, {
      urnOf: (parent, type, name) => this.urnOf(parent, type, name),
      urnUnder: (parentUrn, type, name) => this.urnUnder(parentUrn, type, name),
      providerFor,
      // Components are modelled concurrently, each awaiting transforms: a URN is claimed before
      // that wait, so two components creating the same child still collide as in the engine.
      claim: (urn) => {
        if (this.byUrn.has(urn) || this.claimedUrns.has(urn)) return false;
        this.claimedUrns.add(urn);
        return true;
      },
      store: (record, wire) => this.store(record, record.type, wire, []),
      transform: (reg) => {
        const transforms = this.transformsFor([], reg.parent);
        return transforms.length > 0 ? applyTransforms(transforms, reg) : undefined;
      },
    });
  }

  private store(record: RecordedResource, type: string, state: Record<string, unknown>, transforms: string[]): void {
    const parentChain = record.parent ? this.chainOf(record.parent) : "";
    const chain = type === STACK_TYPE && !record.parent ? "" : parentChain ? `${parentChain}$${type}` : type;
    this.byUrn.set(record.urn, { record, chain, state, transforms });
    this.resources.push(record);
  }

  registerResourceOutputs(req: resproto.RegisterResourceOutputsRequest, callback: Callback): void {
    this.activity++;
    respond(callback, () => {
      const urn = req.getUrn();
      const stored = this.byUrn.get(urn);
      if (!stored) throw new Error(`unknown resource ${urn}`);
      const wire = fromStruct(req.getOutputs());
      const decodedOutputs = decode(wire);
      stored.record.outputs = decodedOutputs.value;
      if (decodedOutputs.secretPaths.length > 0) stored.record.outputSecretPaths = decodedOutputs.secretPaths;
      stored.state = wire;
      if (stored.record.type === STACK_TYPE && !stored.record.parent) this.stackOutputs = wire;
      return {};
    });
  }

  readResource(req: resproto.ReadResourceRequest, callback: Callback): void {
    this.activity++;
    respond(callback, () => {
      const type = req.getType();
      const name = req.getName();
      const parent = req.getParent();
      const urn = this.urnOf(parent, type, name);
      if (this.byUrn.has(urn)) throw new Error(`Duplicate resource URN '${urn}'; try giving it a unique name`);
      // A stack reference is the caller's to answer (`stackReferences`), unless an `outputs` mock for the type does.
      if (type === STACK_REFERENCE_TYPE && !this.opts.outputs[type]) return this.readStackReference(req, urn);
      const wire = fromStruct(req.getProperties());
      const decoded = decode(wire);
      const provider = req.getProvider() || this.providers.defaultFor(type.split(":")[0] ?? "", req.getVersion());
      const ctx = { ...this.providers.context(type, name, decoded.value, [provider]), existingId: req.getId() };
      // A read returns the existing resource's state, known even in a preview.
      const computed = { ...cannedOutputs(ctx).computed, ...this.opts.outputs[type]?.({ name, inputs: decoded.value }) };
      const state: Record<string, unknown> = { ...wire };
      for (const k of Object.keys(computed)) state[k] = encode(computed[k]);
      const record = readRecord(req, urn, decoded, { type, provider, id: req.getId(), outputs: { ...decoded.value, ...computed } });
      const secretState = withSecretOutputs(state, req.getAdditionalsecretoutputsList());
      setOutputSecretPaths(record, secretState);
      this.store(record, type, secretState, []);
      const resp = new resproto.ReadResourceResponse();
      resp.setUrn(urn);
      resp.setProperties(toStruct(state));
      return resp;
    });
  }

  // ---- functions -------------------------------------------------------------------------

  invoke(req: resproto.ResourceInvokeRequest, callback: Callback): void {
    this.activity++;
    respond(callback, () => {
      const token = req.getTok();
      const decodedArgs = decode(fromStruct(req.getArgs()));
      const args = decodedArgs.value;
      const resp = new resproto.ResourceInvokeResponse();
      if (token === "pulumi:pulumi:getResource") {
        const stored = this.byUrn.get(String(args["urn"]));
        if (!stored) throw new Error(`unknown resource ${String(args["urn"])}`);
        resp.setReturn(toStruct({ urn: stored.record.urn, id: stored.record.id ?? null, state: stored.state }));
        return resp;
      }
      const record: InvokeRecord = { token, args };
      this.invokes.push(record);
      record.result = this.runFunction("invoke", token, args, req.getProvider(), decodedArgs.secretPaths);
      resp.setReturn(toStruct(mockToWire(record.result) as Record<string, unknown>));
      return resp;
    });
  }

  call(req: resproto.ResourceCallRequest, callback: Callback): void {
    this.activity++;
    respond(callback, () => {
      const decodedArgs = decode(fromStruct(req.getArgs()));
      const resp = new providerproto.CallResponse();
      resp.setReturn(toStruct(mockToWire(this.runFunction("call", req.getTok(), decodedArgs.value, req.getProvider(), decodedArgs.secretPaths)) as Record<string, unknown>));
      return resp;
    });
  }

  private runFunction(kind: "invoke" | "call", token: string, args: Record<string, unknown>, providerRef: string, secretPaths: readonly string[]): Record<string, unknown> {
    const user = (kind === "invoke" ? this.opts.invokes : this.opts.calls)[token];
    const canned = (kind === "invoke" ? INVOKE_RULES : CALL_RULES)[token];
    const missing = (unmatched?: readonly Record<string, unknown>[]): Error => {
      const err = missingMockError(kind, token, maskSecretArgs(args, secretPaths, this.knownSecretValues()), unmatched);
      this.failures.push(err);
      return err;
    };
    if (user) {
      try {
        return user(args) ?? {};
      } catch (err) {
        // `--mocks` cases, none for these arguments: as much a missing mock as no entry at all.
        throw err instanceof UnmatchedInvokeMock ? missing(err.whens) : err;
      }
    }
    if (!canned) throw missing();
    const pkg = token.split(":")[0] ?? "";
    const self = kind === "call" ? this.byUrn.get(String(args["__self__"]))?.record : undefined;
    const { region, project, account } = this.providers.invokeContext(pkg, providerRef);
    return canned(args, { region, project, account, resources: this.resources, ...(self ? { self } : {}) });
  }

  /** Secret config values and the string values of recorded resources' secret inputs (for masking error messages). */
  private knownSecretValues(): string[] {
    const out = this.opts.secretKeys.map((k) => this.opts.config[k]).filter((v): v is string => typeof v === "string");
    for (const r of this.resources) for (const p of r.secretPaths) {
      const v = valueAtPath(r.inputs, p);
      if (typeof v === "string") out.push(v);
    }
    return out;
  }

  /** A stack reference's read: the outputs the caller supplied, else the run fails naming the `--mocks` entry. */
  private readStackReference(req: resproto.ReadResourceRequest, urn: string): resproto.ReadResourceResponse {
    const decoded = decode(fromStruct(req.getProperties()));
    const stackName = typeof decoded.value["name"] === "string" ? decoded.value["name"] : req.getId();
    const outputs = this.opts.stackReferences[stackName];
    if (!outputs) {
      const err = missingStackReferenceError(stackName, req.getName());
      this.failures.push(err);
      throw err;
    }
    const { state, recorded } = stackReferenceState(stackName, outputs);
    const record = readRecord(req, urn, decoded, { type: STACK_REFERENCE_TYPE, id: stackName, outputs: recorded });
    this.store(record, STACK_REFERENCE_TYPE, state, []);
    const resp = new resproto.ReadResourceResponse();
    resp.setUrn(urn);
    resp.setProperties(toStruct(state));
    return resp;
  }

  // ---- features, packages, transforms ---------------------------------------------------------

  supportsFeature(req: resproto.SupportsFeatureRequest, callback: Callback): void {
    const resp = new resproto.SupportsFeatureResponse();
    resp.setHassupport(LEGACY_FEATURES.has(req.getId()));
    callback(null, resp);
  }

  getDeploymentInfo(_req: unknown, callback: Callback): void {
    const resp = new resproto.DeploymentInfo();
    resp.setProject(this.opts.project);
    resp.setStack(this.opts.stack);
    resp.setOrganization(this.opts.organization);
    resp.setDryrun(this.opts.preview);
    resp.setSupportedfeaturesList(FEATURES);
    callback(null, resp);
  }

  registerPackage(req: resproto.RegisterPackageRequest, callback: Callback): void {
    const resp = new resproto.RegisterPackageResponse();
    resp.setRef(`mock-package-${req.getName()}-${req.getVersion()}`);
    callback(null, resp);
  }

  /** Called by the SDK's callback server with the function behind each transform token. */
  recordTransformCallback(token: string, transform: pulumi.ResourceTransform): void {
    this.transformFns.set(token, transform);
  }

  registerStackTransform(req: { getToken(): string }, callback: Callback): void {
    this.stackTransforms.push(req.getToken());
    callback(null, {});
  }

  signalAndWaitForShutdown(_req: unknown, callback: Callback): void {
    callback(null, {});
  }

  close(): void {
    // Nothing to close: no connection.
  }

  // ---- helpers ---------------------------------------------------------------------------

  private transformsFor(own: string[], parent: string): pulumi.ResourceTransform[] {
    const tokens = [...own];
    for (let p = parent; p; p = this.byUrn.get(p)?.record.parent ?? "") tokens.push(...(this.byUrn.get(p)?.transforms ?? []));
    tokens.push(...this.stackTransforms);
    return tokens.map((t) => this.transformFns.get(t)).filter((t): t is pulumi.ResourceTransform => t !== undefined);
  }

  /**
   * The URNs a resource answers to besides its own, as the engine computes them: each alias spec
   * (unset fields default to the resource's own name, type and parent; `noParent` is the root),
   * each plain alias URN, and, for every alias of the parent, the URN the child had under it.
   */
  private aliasesOf(req: resproto.RegisterResourceRequest, parent: string, type: string, name: string): string[] {
    const out: string[] = [...req.getAliasurnsList()];
    for (const alias of req.getAliasesList()) {
      if (alias.hasUrn()) {
        out.push(alias.getUrn());
        continue;
      }
      const spec = alias.getSpec();
      if (!spec) continue;
      const aliasParent = spec.getNoparent() ? "" : spec.getParenturn() || parent;
      out.push(this.urnOf(aliasParent === this.rootUrn() ? "" : aliasParent, spec.getType() || type, spec.getName() || name));
    }
    const parentAliases = parent ? (this.byUrn.get(parent)?.record.aliases ?? []) : [];
    for (const p of parentAliases) out.push(this.urnUnder(p, type, name));
    return unique(out.filter((u) => u !== this.urnOf(parent, type, name)));
  }

  private rootUrn(): string {
    return this.resources.find((r) => r.type === STACK_TYPE && !r.parent)?.urn ?? "";
  }

  /** The URN of a child `type::name` under a parent known only by its URN. */
  private urnUnder(parentUrn: string, type: string, name: string): string {
    const qualified = parentUrn.split("::")[2] ?? "";
    const chain = qualified === STACK_TYPE ? "" : qualified;
    return `urn:pulumi:${this.opts.stack}::${this.opts.project}::${chain ? `${chain}$` : ""}${type}::${name}`;
  }

  /** The URN the engine computes: the parent's whole type chain, `$`-joined, before the type. */
  private urnOf(parent: string, type: string, name: string): string {
    const chain = parent ? this.chainOf(parent) : "";
    return `urn:pulumi:${this.opts.stack}::${this.opts.project}::${chain ? `${chain}$` : ""}${type}::${name}`;
  }

  private chainOf(urn: string): string {
    const stored = this.byUrn.get(urn);
    if (stored) return stored.chain;
    // A parent we did not register (a URN from elsewhere): its URN carries its chain.
    const qualified = urn.split("::")[2] ?? "";
    return qualified === STACK_TYPE ? "" : qualified;
  }
}

/** Answers a monitor callback once: with the response, or with the error `fn` threw. */
function respond(callback: Callback, fn: () => unknown): void {
  let resp: unknown;
  try {
    resp = fn();
  } catch (err) {
    callback(rpcError(err));
    return;
  }
  callback(null, resp);
}

function unique(xs: readonly string[]): string[] {
  return xs.length < 2 ? [...xs] : [...new Set(xs)];
}

/** Records which outputs the engine would hand back as secrets, so reports can mask them. */
function setOutputSecretPaths(record: RecordedResource, state: Record<string, unknown>): void {
  if (!containsSecretWire(state)) return;
  record.outputSecretPaths = decode(state).secretPaths;
}

/** Marks the `additionalSecretOutputs` of a response secret, as the engine does. */
function withSecretOutputs(state: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  for (const k of keys) {
    const v = state[k];
    if (v !== undefined && !isSecretWire(v)) state[k] = secretWire(v);
  }
  return state;
}

/** The record of a read (`.get`, a stack reference): never protected, never checked by a policy. */
function readRecord(
  req: resproto.ReadResourceRequest,
  urn: string,
  decoded: { value: Record<string, unknown>; secretPaths: string[] },
  r: { type: string; id: string; outputs: Record<string, unknown>; provider?: string },
): RecordedResource {
  const parent = req.getParent();
  return {
    type: r.type,
    name: req.getName(),
    urn,
    ...(parent ? { parent } : {}),
    dependencies: unique(req.getDependenciesList()),
    propertyDependencies: {},
    inputs: decoded.value,
    secretPaths: decoded.secretPaths,
    protect: false,
    retainOnDelete: false,
    ...(r.provider ? { provider: r.provider } : {}),
    custom: true,
    remote: false,
    read: true,
    id: r.id,
    outputs: r.outputs,
  };
}
