// One plan per stack and mode per test file: planning a stack is the expensive step, and every
// end-to-end check reads the same graph.
import path from "node:path";
import { resolveStackConfig, type StackConfig } from "@mlops/core";
import { main } from "@mlops/platform";
import { loadStackConfig, runWithMocks } from "@mlops/testing";

export const ROOT = path.resolve(__dirname, "..", "..");
export const STACKS = ["dev", "staging", "prod", "local", "gcp"] as const;

export type Run = Awaited<ReturnType<typeof runWithMocks>>;
export interface StackPlan {
  run: Run;
  config: StackConfig;
}

const plans = new Map<string, Promise<StackPlan>>();

/** The stack's plan under the mock engine (memoised): the root program with the stack's own config file. */
export function planStack(stack: string, preview = false): Promise<StackPlan> {
  const key = `${stack}:${preview}`;
  let plan = plans.get(key);
  if (!plan) {
    const file = loadStackConfig(ROOT, stack);
    plan = runWithMocks(main, { project: file.project, stack, config: file.config, secretKeys: file.secretKeys, preview }).then((run) => ({
      run,
      config: resolveStackConfig(file.config, { stack, project: file.project }),
    }));
    plans.set(key, plan);
  }
  return plan;
}
