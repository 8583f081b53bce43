// Every setting on the gcp stack changes the plan or is rejected naming its key (tests/support/never-silent.ts).
import { describe, it } from "@jest/globals";
import { expectNeverSilent, settingsKeys } from "../support/never-silent";

describe("stack gcp: no setting is silently ignored", () => {
  it.each(settingsKeys())("%s", (key) => expectNeverSilent("gcp", key));
});
