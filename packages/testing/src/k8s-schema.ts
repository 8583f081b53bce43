// Kubernetes objects, as the kubernetes provider sends them to the API server, validated against
// the Kubernetes OpenAPI schema: a real check instead of hand-written assertions on a few fields.
//
// The schema comes from a schema package, `kubernetes-models` (ajv validators generated from the
// Kubernetes OpenAPI spec), which is NOT a dependency of `@mlops/testing`: it is only needed by
// tests, so the caller hands in its own `require` (`kubernetesModelsSchemas(require)`) from a
// package that has it as a devDependency (`tests/` does).
//
// On top of the schema's own checks (types, enums, required fields, formats) unknown fields are
// errors, as `kubectl --validate=strict` and the server-side apply the provider uses treat them:
// a misspelt field is otherwise dropped without a word. The generated validators do not check
// for unknown fields (the OpenAPI spec has no `additionalProperties: false`), so the object is
// handed to the validator behind proxies that record which fields the validator looked up at each
// path: it reads every field its schema declares, present or not, and every key of a map
// (`labels`, `resources.limits`). A present field it never read is one the schema does not have.
// An object the validator read nothing of is free-form in the schema (or was never reached
// because its type is wrong, which is reported already) and is not checked for fields.
import { UNKNOWN } from "./types";

/** One error of an ajv validate function (`kubernetes-models`' validators are ajv's, precompiled). */
export interface SchemaError {
  /** JSON pointer of the offending value: `/spec/replicas`; `~1` is `/` in a key. */
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Validates one whole object (with `apiVersion` and `kind`); returns the errors, empty when valid. */
export type ObjectValidator = (object: unknown) => SchemaError[];

/** The validator of an apiVersion and kind; undefined when the schema package has none. */
export type KubernetesSchemas = (apiVersion: string, kind: string) => ObjectValidator | undefined;

/** `@pulumi/kubernetes` type modules that are not Kubernetes API objects (Helm, YAML, kustomize). */
const NOT_OBJECTS = /^(helm\.sh|yaml|kustomize)(\/|$)/;

/** The generic custom resource: apiVersion and kind come from its inputs. */
const CUSTOM_RESOURCE_MODULE = "apiextensions.k8s.io";

/**
 * True for a `@pulumi/kubernetes` type token that stands for a Kubernetes API object
 * (`kubernetes:apps/v1:StatefulSet`, `...:StatefulSetPatch`, `...:StatefulSetList`, a generic
 * `kubernetes:apiextensions.k8s.io:CustomResource`); false for everything else, including Helm
 * charts and releases, YAML and kustomize components, and `pulumi:providers:kubernetes`.
 */
export function isKubernetesObjectType(type: string): boolean {
  const m = /^kubernetes:([^:]+):([^:]+)$/.exec(type);
  return m !== null && !NOT_OBJECTS.test(m[1] ?? "");
}

/** What a type token stands for: the object's apiVersion and kind, and whether it is a patch. */
export interface KubernetesApi {
  apiVersion: string;
  kind: string;
  /** `...Patch` types: a partial object (server-side apply), so required fields may be missing. */
  patch: boolean;
}

/**
 * The apiVersion and kind a `@pulumi/kubernetes` type token stands for: the module is the
 * apiVersion (`core/v1` is the core group, `v1`), the name is the kind (`Patch` types patch that
 * kind). The generic `CustomResource` takes both from its inputs. Throws for a token that is not
 * a Kubernetes object ({@link isKubernetesObjectType}).
 */
export function kubernetesApiOf(type: string, inputs: Record<string, unknown> = {}): KubernetesApi {
  const m = /^kubernetes:([^:]+):([^:]+)$/.exec(type);
  if (!m || !isKubernetesObjectType(type)) throw new Error(`${type} is not a Kubernetes object type`);
  const [, module = "", name = ""] = m;
  const patch = name.endsWith("Patch");
  if (module === CUSTOM_RESOURCE_MODULE) {
    const { apiVersion, kind } = inputs;
    if (typeof apiVersion !== "string" || typeof kind !== "string") throw new Error(`${type} needs apiVersion and kind among its inputs`);
    return { apiVersion, kind, patch };
  }
  return { apiVersion: module === "core/v1" ? "v1" : module, kind: patch ? name.slice(0, -"Patch".length) : name, patch };
}

/**
 * Validates the Kubernetes object a `@pulumi/kubernetes` resource stands for against the schema
 * of its apiVersion and kind, and returns the errors (empty when valid), each naming the field:
 * `spec.replicas: must be integer (got string)`, `spec.podSelectr: unknown field`.
 *
 * `inputs` are the resource's recorded Pulumi inputs: the object's top-level fields (`metadata`,
 * `spec`, `data`, `rules`, ...); `apiVersion` and `kind` come from the type token (and must agree
 * with the inputs when they carry them, as the SDK's constructors do).
 *
 * - A type the schema package has no schema for is an error (`no schema for ...`), never a pass.
 * - A value recorded as unknown (`"<unknown>"`, a preview) satisfies any schema: its type is not
 *   known yet. Any other value is checked as it is, computed or not: in a non-preview run the mock
 *   engine answers computed values with canned ones of the provider's types, so a string where the
 *   schema wants an integer or an object is a real error (in the program or in the canned output).
 * - `...Patch` types may leave out required fields.
 */
export function validateKubernetesObject(type: string, inputs: Record<string, unknown>, schemas: KubernetesSchemas): string[] {
  let api: KubernetesApi;
  try {
    api = kubernetesApiOf(type, inputs);
  } catch (error) {
    return [(error as Error).message];
  }
  const mismatched = (["apiVersion", "kind"] as const).filter((k) => inputs[k] !== undefined && inputs[k] !== api[k]);
  if (mismatched.length > 0) return mismatched.map((k) => `${k}: ${JSON.stringify(inputs[k])} in the inputs, but the type ${type} is ${api[k]}`);

  const validate = schemas(api.apiVersion, api.kind);
  if (!validate) return [`no schema for ${api.apiVersion} ${api.kind} (${type}) in the schema package`];

  // A JSON copy: what the provider serialises (no `undefined`), and plain objects for the proxies.
  const object = JSON.parse(JSON.stringify({ ...inputs, apiVersion: api.apiVersion, kind: api.kind })) as Record<string, unknown>;
  const reads = new Map<string, Set<string>>();
  const errors = validate(recording(object, "", reads))
    .filter((e) => !isUnknownAt(object, e.instancePath))
    .filter((e) => !(api.patch && e.keyword === "required"))
    .map((e) => describe(e, object));
  return [...new Set(errors)].concat(unknownFields(object, "", reads));
}

/** `value` behind proxies that record, per JSON pointer, the keys the validator looked up. */
function recording(value: unknown, pointer: string, reads: Map<string, Set<string>>): unknown {
  if (value === null || typeof value !== "object") return value;
  const keys = new Set<string>();
  reads.set(pointer, keys);
  const children = new Map<string, unknown>();
  return new Proxy(value, {
    get(target, key, receiver) {
      const v: unknown = Reflect.get(target, key, receiver);
      if (typeof key !== "string") return v;
      keys.add(key);
      if (!Object.prototype.hasOwnProperty.call(target, key) || v === null || typeof v !== "object") return v;
      if (!children.has(key)) children.set(key, recording(v, `${pointer}/${escapePointer(key)}`, reads));
      return children.get(key);
    },
  });
}

/** Present fields the validator never looked up, at every path where it looked up any. */
function unknownFields(value: unknown, pointer: string, reads: Map<string, Set<string>>): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => unknownFields(v, `${pointer}/${i}`, reads));
  if (value === null || typeof value !== "object") return [];
  const known = reads.get(pointer);
  if (!known || known.size === 0) return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const child = `${pointer}/${escapePointer(key)}`;
    return known.has(key) ? unknownFields(v, child, reads) : [`${fieldPath(child)}: unknown field (not in the schema)`];
  });
}

/** True when the value at `pointer`, or one of its parents, is the preview's unknown. */
function isUnknownAt(object: unknown, pointer: string): boolean {
  let cur: unknown = object;
  for (const key of segments(pointer)) {
    if (cur === UNKNOWN) return true;
    cur = cur !== null && typeof cur === "object" ? (cur as Record<string, unknown>)[key] : undefined;
  }
  return cur === UNKNOWN;
}

/** One error as a line naming the field. Values are never shown (they may be secrets): their type is. */
function describe(e: SchemaError, object: unknown): string {
  let message = e.message ?? e.keyword;
  const allowed = e.params["allowedValues"];
  if (e.keyword === "enum" && Array.isArray(allowed)) message += `: ${allowed.map(String).join(", ")}`;
  if (e.keyword === "type" || e.keyword === "format" || e.keyword === "enum") message += ` (got ${typeName(valueAt(object, e.instancePath))})`;
  return `${fieldPath(e.instancePath) || "(the object)"}: ${message}`;
}

function valueAt(object: unknown, pointer: string): unknown {
  let cur: unknown = object;
  for (const key of segments(pointer)) cur = cur !== null && typeof cur === "object" ? (cur as Record<string, unknown>)[key] : undefined;
  return cur;
}

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

function segments(pointer: string): string[] {
  return pointer === "" ? [] : pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** `/spec/template/spec/containers/0/name` → `spec.template.spec.containers.0.name` (the repo's secret-path style). */
function fieldPath(pointer: string): string {
  return segments(pointer).join(".");
}

/** How a `kubernetes-models` model class looks: static apiVersion and kind, a `validate` that throws. */
interface ModelClass {
  apiVersion?: unknown;
  kind?: unknown;
  prototype: { validate?: (this: unknown) => void };
}

/**
 * The schemas of `kubernetes-models` (4.x: CommonJS), loaded through the caller's `load`, usually
 * its `require`: `kubernetesModelsSchemas(require)` from a package that has it installed.
 *
 * Each `kubernetes-models/<apiVersion>/<Kind>` module exports a model class whose `validate()`
 * runs the ajv validator generated for that kind and throws a `ValidationError` with ajv's
 * `errors`; it is called on the object itself (not a copy, so the recording proxies see every
 * lookup). A kind without such a module, or whose class is not that apiVersion/kind (a
 * `StatefulSetSpec`), has no schema.
 */
export function kubernetesModelsSchemas(load: (id: string) => unknown): KubernetesSchemas {
  const pkg = load("kubernetes-models/package.json") as { version?: unknown };
  if (typeof pkg.version !== "string") throw new Error("kubernetes-models/package.json has no version");
  const cache = new Map<string, ObjectValidator | undefined>();
  return (apiVersion, kind) => {
    const id = `kubernetes-models/${apiVersion}/${kind}`;
    if (!cache.has(id)) cache.set(id, modelValidator(load, id, apiVersion, kind));
    return cache.get(id);
  };
}

function modelValidator(load: (id: string) => unknown, id: string, apiVersion: string, kind: string): ObjectValidator | undefined {
  if (!/^([a-z0-9.-]+\/)?v[a-z0-9]+$/.test(apiVersion) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return undefined;
  let mod: Record<string, unknown>;
  try {
    mod = load(id) as Record<string, unknown>;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "MODULE_NOT_FOUND" || code === "ERR_PACKAGE_PATH_NOT_EXPORTED" || /^Cannot find module/.test((error as Error).message)) return undefined;
    throw error;
  }
  const model = mod[kind] as ModelClass | undefined;
  const validate = model?.prototype?.validate;
  if (!model || model.apiVersion !== apiVersion || model.kind !== kind || typeof validate !== "function") return undefined;
  return (object) => {
    try {
      validate.call(object);
      return [];
    } catch (error) {
      const errors = (error as { errors?: unknown }).errors;
      if (Array.isArray(errors)) return errors as SchemaError[];
      throw error;
    }
  };
}
