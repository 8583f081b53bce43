/**
 * `@mlops/policy/rules`: the policy list, the registry that selects policies by tag, and the
 * in-process evaluator, without starting the pack's gRPC server (that is `@mlops/policy`, i.e.
 * `lib/pack.js`, for the Pulumi CLI).
 */
export { PACK_SELECTION, packEntries, policies } from "./policies";
export { allPolicies, definePolicy, FRAMEWORKS, isPolicyEntry, selectPolicies, SEVERITIES, TOPICS, VENDORS } from "./lib/registry";
export type { Framework, PolicyEntry, PolicySelection, PolicyTags, Severity, Topic, Vendor } from "./lib/registry";
export { evaluatePolicies } from "./evaluate";
export { UNKNOWN_VALUE } from "./analyzer/encode";
export { PACK_NAME, PACK_VERSION, PACK_DESCRIPTION } from "./meta";
export { packEnforcementLevel } from "./enforcement";
export type { EvaluateOptions, EvaluationResult, PlannedResource, PolicyViolation } from "./types";
export type { ValueOrigins } from "./lib/secrets";
export type { Policy, Policies, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
