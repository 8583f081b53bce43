import { describe, expect, it } from "@jest/globals";
import * as pulumi from "@pulumi/pulumi";
import { awsSecretsNoPlaintextInputs } from "../aws/secrets/no-plaintext-inputs";
import { useStackConfigValues } from "../lib/secrets";
import { res } from "../testing";
import { encodeProperties, resolvePath, UNKNOWN_VALUE, wrappedSecretPaths } from "./encode";
import { analyzeRequest, analyzeStackRequest, type Graph } from "./requests";
import { createAnalyzer } from "./server";

const SIG = "4dabf18193072939515e22adb298388d";
const SECRET = "1b47061264138c4ac30d75fd1eb44270";

const graphOf = (...resources: ReturnType<typeof res>[]): Graph => ({
  byUrn: new Map(resources.map((r) => [r.urn, r])),
  secretPaths: new Map(resources.map((r) => [r.urn, r.secretPaths.map((p) => resolvePath(r.inputs, p))])),
});

describe("encoding inputs as the engine sends them to an analyzer", () => {
  it("wraps secret paths in Pulumi's secret signature and turns unknowns into the unknown sentinel", () => {
    const encoded = encodeProperties({ password: "p", nested: { id: pulumi.unknown, list: [1, undefined] }, gone: undefined }, [["password"]]);
    expect(encoded).toEqual({ password: { [SIG]: SECRET, value: "p" }, nested: { id: UNKNOWN_VALUE, list: [1, null] } });
  });

  it("reads the mock engine's recorded unknown (\"<unknown>\") as the unknown sentinel, not as a value", () => {
    expect(encodeProperties({ storageEncrypted: "<unknown>", nested: { id: "<unknown>" } }, [])).toEqual({ storageEncrypted: UNKNOWN_VALUE, nested: { id: UNKNOWN_VALUE } });
  });

  it("keeps values already wrapped as secrets secret, and finds their paths", () => {
    const inputs = { stringData: { token: { [SIG]: SECRET, value: "t" } } };
    expect(wrappedSecretPaths(inputs)).toEqual([["stringData", "token"]]);
    expect(encodeProperties(inputs, wrappedSecretPaths(inputs))).toEqual(inputs);
  });

  it("replaces resource references by their id, and non-JSON values by unknown", () => {
    const ref = { [SIG]: "5cf8f73096256a8f31e491e813e4eb8e", urn: "urn:x", id: "sg-1" };
    expect(encodeProperties({ sg: ref, asset: new Date(0) }, [])).toEqual({ sg: "sg-1", asset: UNKNOWN_VALUE });
  });

  it("resolves dotted secret paths against keys that contain dots", () => {
    expect(resolvePath({ data: { "tls.crt": "x" } }, "data.tls.crt")).toEqual(["data", "tls.crt"]);
    expect(resolvePath({ list: [{ a: 1 }] }, "list.0.a")).toEqual(["list", "0", "a"]);
    expect(resolvePath({}, "a.b")).toEqual(["a", "b"]);
  });
});

describe("requests built for the analyzer", () => {
  const provider = res("pulumi:providers:aws", "default", { region: "us-east-1" }, { id: "prov-id" });
  const parent = res("mlops:storage:ObjectStore", "store", {}, { custom: false });
  const bucket = res("aws:s3/bucketV2:BucketV2", "data", { bucket: "data" }, {
    provider: `${provider.urn}::prov-id`,
    parent: parent.urn,
    protect: true,
    dependencies: [parent.urn],
    propertyDependencies: { tags: [parent.urn] },
    outputs: { arn: "arn:aws:s3:::data" },
    id: "data",
  });
  const graph = graphOf(provider, parent, bucket);

  it("carries type, name, inputs, parent, protect and the provider resource in an AnalyzeRequest", () => {
    const request = analyzeRequest(bucket, graph);
    expect([request.getType(), request.getName(), request.getUrn()]).toEqual([bucket.type, "data", bucket.urn]);
    expect(request.getProperties()?.toJavaScript()).toEqual({ bucket: "data" });
    expect([request.getOptions()?.getParent(), request.getOptions()?.getProtect()]).toEqual([parent.urn, true]);
    expect([request.getProvider()?.getType(), request.getProvider()?.getProperties()?.toJavaScript()]).toEqual(["pulumi:providers:aws", { region: "us-east-1" }]);
  });

  it("sends outputs merged over inputs, the id, dependencies and property dependencies in an AnalyzeStackRequest", () => {
    const [, , stackBucket] = analyzeStackRequest([provider, parent, bucket], graph).getResourcesList();
    expect(stackBucket?.getProperties()?.toJavaScript()).toEqual({ bucket: "data", arn: "arn:aws:s3:::data", id: "data" });
    expect(stackBucket?.getParent()).toBe(parent.urn);
    expect(stackBucket?.getDependenciesList()).toEqual([parent.urn]);
    expect(stackBucket?.getPropertydependenciesMap().get("tags")?.getUrnsList()).toEqual([parent.urn]);
  });
});

describe("the plaintext-secret heuristic under the Pulumi CLI (no secret paths known)", () => {
  const analyzer = createAnalyzer("test", "0.0.0", "mandatory", [awsSecretsNoPlaintextInputs.policy]);
  const db = (password: string) => res("aws:rds/instance:Instance", "db", { instanceClass: "db.t3.medium", password });
  const messages = async (password: string) => {
    const r = db(password);
    const response = await analyzer.analyzeStack(analyzeStackRequest([r], graphOf(r)));
    return response.getDiagnosticsList().map((d) => d.getMessage());
  };

  it("accepts a value that came from stack config (config.requireSecret)", async () => {
    useStackConfigValues(["from-stack-config"]);
    expect(await messages("from-stack-config")).toEqual([]);
  });

  it("flags a literal that is neither stack config nor derived from a resource", async () => {
    useStackConfigValues(["from-stack-config"]);
    expect(await messages("literal")).toEqual([expect.stringContaining("db: password is a literal in the program")]);
  });
});
