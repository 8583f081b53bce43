// The mechanics of validateKubernetesObject with a stand-in schema package; tests/k8s-schema.test.ts
// runs it against the real Kubernetes schema (kubernetes-models) and every shipped stack.
import { describe, expect, it } from "@jest/globals";
import { kubernetesApiOf, kubernetesModelsSchemas, validateKubernetesObject, type KubernetesSchemas, type SchemaError } from "./k8s-schema";

/** A validator written as ajv compiles one: it looks up every declared field, iterates maps, skips free-form objects. */
function configMapValidator(object: unknown): SchemaError[] {
  const o = object as Record<string, unknown>;
  const errors: SchemaError[] = [];
  for (const k of ["apiVersion", "kind", "metadata", "data", "binaryData", "immutable", "extra"]) void o[k];
  const data = o["data"];
  if (data !== undefined) {
    if (typeof data !== "object" || data === null) errors.push({ instancePath: "/data", keyword: "type", params: { type: "object" }, message: "must be object" });
    else for (const key in data) if (typeof (data as Record<string, unknown>)[key] !== "string") errors.push({ instancePath: `/data/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, keyword: "type", params: { type: "string" }, message: "must be string" });
  }
  const metadata = o["metadata"] as Record<string, unknown> | undefined;
  if (metadata) for (const k of ["name", "labels"]) void metadata[k];
  if (o["immutable"] !== undefined && typeof o["immutable"] !== "boolean") errors.push({ instancePath: "/immutable", keyword: "type", params: { type: "boolean" }, message: "must be boolean" });
  return errors;
}

const schemas: KubernetesSchemas = (apiVersion, kind) => (apiVersion === "v1" && kind === "ConfigMap" ? configMapValidator : undefined);
const CM = "kubernetes:core/v1:ConfigMap";

describe("validateKubernetesObject (stand-in schema)", () => {
  it("flags fields the validator never looked up, and only where it looked up any", () => {
    expect(validateKubernetesObject(CM, { metadata: { name: "a", labels: { "x/y": "1" } }, data: { "a/b": "1" }, extra: { anything: { goes: 1 } } }, schemas)).toEqual([]);
    expect(validateKubernetesObject(CM, { metadata: { name: "a", nmae: "b" }, dat: {} }, schemas)).toEqual(["metadata.nmae: unknown field (not in the schema)", "dat: unknown field (not in the schema)"]);
  });

  it("names the field with a map key unescaped, and the type of the value, never the value", () => {
    expect(validateKubernetesObject(CM, { data: { "tls/key": 42 }, immutable: "secret-value" }, schemas)).toEqual(["data.tls/key: must be string (got integer)", "immutable: must be boolean (got string)"]);
  });

  it("lets the preview's unknown stand for any value, itself or a parent", () => {
    expect(validateKubernetesObject(CM, { data: "<unknown>", immutable: "<unknown>" }, schemas)).toEqual([]);
  });

  it("reports what it cannot check", () => {
    expect(validateKubernetesObject("kubernetes:core/v1:Secret", {}, schemas)).toEqual(["no schema for v1 Secret (kubernetes:core/v1:Secret) in the schema package"]);
    expect(validateKubernetesObject("kubernetes:apiextensions.k8s.io:CustomResource", { spec: {} }, schemas)).toEqual(["kubernetes:apiextensions.k8s.io:CustomResource needs apiVersion and kind among its inputs"]);
    expect(validateKubernetesObject(CM, { kind: "Secret" }, schemas)).toEqual(['kind: "Secret" in the inputs, but the type kubernetes:core/v1:ConfigMap is ConfigMap']);
    expect(() => kubernetesApiOf("kubernetes:yaml/v2:ConfigGroup")).toThrow("kubernetes:yaml/v2:ConfigGroup is not a Kubernetes object type");
  });
});

describe("kubernetesModelsSchemas (stand-in package)", () => {
  class ConfigMap {
    static apiVersion = "v1";
    static kind = "ConfigMap";
    validate(this: unknown): void {
      const errors = configMapValidator(this);
      if (errors.length > 0) throw Object.assign(new Error("invalid"), { errors });
    }
  }
  const modules: Record<string, unknown> = {
    "kubernetes-models/package.json": { version: "4.5.1" },
    "kubernetes-models/v1/ConfigMap": { ConfigMap },
    "kubernetes-models/v1/ConfigMapSpec": { ConfigMapSpec: { prototype: {} } },
    "kubernetes-models/v1/Broken": {
      Broken: Object.assign(
        class {
          validate(): void {
            throw new Error("boom");
          }
        },
        { apiVersion: "v1", kind: "Broken" },
      ),
    },
  };
  const load = (id: string): unknown => {
    if (id in modules) return modules[id];
    throw Object.assign(new Error(`Cannot find module '${id}'`), { code: "MODULE_NOT_FOUND" });
  };

  it("finds a kind's model class and runs its validate on the object itself", () => {
    const lookup = kubernetesModelsSchemas(load);
    expect(validateKubernetesObject(CM, { data: { a: "1" } }, lookup)).toEqual([]);
    expect(validateKubernetesObject(CM, { dta: {} }, lookup)).toEqual(["dta: unknown field (not in the schema)"]);
    expect(lookup("v1", "ConfigMap")).toBe(lookup("v1", "ConfigMap"));
  });

  it("has no schema for a missing module, a class of another kind or a malformed name", () => {
    const lookup = kubernetesModelsSchemas(load);
    expect(lookup("v1", "Pod")).toBeUndefined();
    expect(lookup("v1", "ConfigMapSpec")).toBeUndefined();
    expect(lookup("../../etc", "Passwd")).toBeUndefined();
  });

  it("lets an error that is not a validation error through, and needs the package", () => {
    expect(() => kubernetesModelsSchemas(load)("v1", "Broken")?.({})).toThrow("boom");
    expect(() => kubernetesModelsSchemas(() => ({}))).toThrow("kubernetes-models/package.json has no version");
  });
});
