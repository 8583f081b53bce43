export { plan, exitCodeOf, gateFailures, PlanError, type PlanOptions, type PlanResult } from "./plan";
export { renderReport, renderTree, toJson } from "./report";
export { loadProgram, resolveEntry, PLATFORM_ROOT } from "./program";
