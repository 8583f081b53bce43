import type { Policies } from "@pulumi/policy";
import { selectPolicies, TOPICS, VENDORS, type PolicyEntry, type PolicySelection } from "./lib/registry";

/**
 * The policies this platform gates on: every vendor's policies about the topics below. A new
 * policy joins the pack by its tags, not by an edit here; narrow this selection (or add one) to
 * build a smaller pack, e.g. `{ vendors: ["aws"], frameworks: ["pcidss"] }`.
 */
export const PACK_SELECTION: PolicySelection = {
  vendors: VENDORS,
  topics: TOPICS,
};

/** The pack's policy entries (policy and tags), sorted by name. */
export const packEntries: readonly PolicyEntry[] = selectPolicies(PACK_SELECTION);

/**
 * The pack's policies, sorted by name. None sets its own `enforcementLevel`: the level comes
 * from the pack (tier default) and from `--policy-pack-config` (`all` or per policy).
 */
export const policies: Policies = packEntries.map((entry) => entry.policy);
