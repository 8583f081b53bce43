import { describe, expect, it } from "@jest/globals";
import * as pulumi from "@pulumi/pulumi";
import { UNKNOWN } from "./types";
import { containsSecretWire, decode, encode } from "./wire";

const SIG = pulumi.runtime.specialSigKey;
const secret = (value: unknown) => ({ [SIG]: pulumi.runtime.specialSecretSig, value });

describe("decoding the wire", () => {
  it("unwraps secrets anywhere and records each outermost secret's dotted path", () => {
    const d = decode({
      password: secret("p"),
      containers: [{ env: [{ name: "A", value: secret("x") }] }],
      wholly: secret({ inner: secret("y") }),
    });
    expect(d.value).toEqual({ password: "p", containers: [{ env: [{ name: "A", value: "x" }] }], wholly: { inner: "y" } });
    expect(d.secretPaths).toEqual(["password", "containers.0.env.0.value", "wholly"]);
    expect(d.containsSecret).toBe(true);
  });

  it("shows unknowns as UNKNOWN, resource references as ids (components: URNs), assets with their kind", () => {
    const d = decode({
      a: pulumi.runtime.unknownValue,
      bucket: { [SIG]: pulumi.runtime.specialResourceSig, urn: "urn:pulumi:s::p::aws:s3/bucket:Bucket::b", id: "b-123" },
      pending: { [SIG]: pulumi.runtime.specialResourceSig, urn: "urn:pulumi:s::p::aws:s3/bucket:Bucket::c", id: "" },
      component: { [SIG]: pulumi.runtime.specialResourceSig, urn: "urn:pulumi:s::p::mlops:x:Y::y" },
      code: { [SIG]: pulumi.runtime.specialArchiveSig, assets: { "index.js": { [SIG]: pulumi.runtime.specialAssetSig, text: "exports.h=1" } } },
    });
    expect(d.value).toEqual({
      a: UNKNOWN,
      bucket: "b-123",
      pending: UNKNOWN,
      component: "urn:pulumi:s::p::mlops:x:Y::y",
      code: { kind: "archive", assets: { "index.js": { kind: "asset", text: "exports.h=1" } } },
    });
  });

  it("reads output values: value, secretness and dependencies", () => {
    const out = (v: Record<string, unknown>) => ({ [SIG]: pulumi.runtime.specialOutputValueSig, ...v });
    const d = decode({ known: out({ value: 1, dependencies: ["urn:a"] }), hidden: out({ value: "s", secret: true }), later: out({ dependencies: ["urn:b"] }) });
    expect(d.value).toEqual({ known: 1, hidden: "s", later: UNKNOWN });
    expect(d.secretPaths).toEqual(["hidden"]);
    expect(d.dependencies).toEqual(["urn:a", "urn:b"]);
  });
});

describe("encoding for the wire", () => {
  it("drops undefined members, nulls undefined elements and restores unknowns", () => {
    expect(encode({ a: undefined, b: [1, undefined], c: UNKNOWN, d: { e: () => 1 } })).toEqual({ b: [1, null], c: pulumi.runtime.unknownValue, d: { e: null } });
  });

  it("finds secrets nested anywhere", () => {
    expect(containsSecretWire({ a: [{ b: secret(1) }] })).toBe(true);
    expect(containsSecretWire({ a: [{ b: 1 }] })).toBe(false);
  });
});
