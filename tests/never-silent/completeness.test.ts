import { describe, expect, it } from "@jest/globals";
import { CANDIDATES, settingsKeys } from "../support/never-silent";

describe("the never-silent check", () => {
  it("has candidate values for every non-boolean settings key, and none for a key that no longer exists", () => {
    const keys = settingsKeys();
    const booleans = ["network.flowLogs", "network.vpcEndpoints", "database.highAvailability", "database.deletionProtection", "objectStore.versioning"];
    expect(keys.filter((k) => !booleans.includes(k) && !(k in CANDIDATES))).toEqual([]);
    expect(Object.keys(CANDIDATES).filter((k) => !keys.includes(k))).toEqual([]);
  });
});
