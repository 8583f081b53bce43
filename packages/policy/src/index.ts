/**
 * `@mlops/policy/rules`: the policy list and the in-process evaluator, without starting the
 * pack's gRPC server (that is `@mlops/policy`, i.e. `lib/pack.js`, for the Pulumi CLI).
 */
export { policies } from "./policies";
export { evaluatePolicies } from "./evaluate";
export { UNKNOWN_VALUE } from "./analyzer/encode";
export { PACK_NAME, PACK_VERSION, PACK_DESCRIPTION } from "./meta";
export { packEnforcementLevel } from "./enforcement";
export type { EvaluateOptions, EvaluationResult, PlannedResource, PolicyViolation } from "./types";
export type { Policy, Policies, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
