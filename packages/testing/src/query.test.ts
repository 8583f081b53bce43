import { describe, expect, it } from "@jest/globals";
import { byType, childrenOf, one, type RecordedResource } from "./index";

const r = (type: string, name: string, parent?: string): RecordedResource => ({
  type,
  name,
  urn: `urn:pulumi:s::p::${type}::${name}`,
  ...(parent ? { parent } : {}),
  dependencies: [],
  propertyDependencies: {},
  inputs: {},
  secretPaths: [],
  protect: false,
  retainOnDelete: false,
  custom: true,
  remote: false,
  outputs: {},
});

const store = r("mlops:storage:ObjectStore", "data");
const resources = [store, r("aws:s3/bucket:Bucket", "a", store.urn), r("aws:s3/bucket:Bucket", "b"), r("aws:kms/key:Key", "k", store.urn)];

describe("queries over recorded resources", () => {
  it("byType keeps registration order", () => {
    expect(byType(resources, "aws:s3/bucket:Bucket").map((x) => x.name)).toEqual(["a", "b"]);
  });

  it("one returns the single match, by type or by type and name", () => {
    expect(one(resources, "aws:kms/key:Key").name).toBe("k");
    expect(one(resources, "aws:s3/bucket:Bucket", "b").name).toBe("b");
  });

  it("one lists the registered types when none matches", () => {
    expect(() => one(resources, "aws:rds/instance:Instance")).toThrow(
      "No resource of type aws:rds/instance:Instance. Types registered: aws:kms/key:Key, aws:s3/bucket:Bucket, mlops:storage:ObjectStore",
    );
  });

  it("one lists the names of the type when the name does not match", () => {
    expect(() => one(resources, "aws:s3/bucket:Bucket", "c")).toThrow('No resource of type aws:s3/bucket:Bucket named "c". Resources of that type: "a", "b"');
  });

  it("one refuses an ambiguous match", () => {
    expect(() => one(resources, "aws:s3/bucket:Bucket")).toThrow("Expected one resource of type aws:s3/bucket:Bucket, found 2");
  });

  it("childrenOf returns the direct children", () => {
    expect(childrenOf(resources, store.urn).map((x) => x.name)).toEqual(["a", "k"]);
  });
});
