import { describe, expect, it } from "@jest/globals";
import { closest, editDistance } from "./suggest";

describe("did you mean", () => {
  it("measures typos, transpositions included", () => {
    expect(editDistance("prdo", "prod")).toBe(1);
    expect(editDistance("stagign", "staging")).toBe(1);
    expect(editDistance("dev", "prod")).toBe(4);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("picks the closest known name within a third of its letters, ignoring case; none when far or exact", () => {
    expect(closest("prdo", ["dev", "prod", "staging"])).toBe("prod");
    expect(closest("SizeGB", ["sizeGb", "instanceClass"])).toBe("sizeGb");
    expect(closest("qa", ["dev", "prod", "staging"])).toBeUndefined();
    expect(closest("prod", ["dev", "prod"])).toBeUndefined();
  });
});
