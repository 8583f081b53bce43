// "Did you mean" for a stack name: the closest one with a config file.
import fs from "node:fs";
import { closest } from "@mlops/core";

/** The stacks a program directory has config for: its `Pulumi.<stack>.yaml` (or `.yml`) files. */
export function stacksOf(dir: string): string[] {
  let files: string[];
  try {
    files = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return files.map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1]).filter((s): s is string => s !== undefined).sort();
}

/**
 * A warning when a stack has no config file but one with a close name exists: Pulumi plans such a
 * stack with empty config, which is rarely what a typo meant.
 */
export function stackTypoWarning(dir: string, stack: string): string | undefined {
  const stacks = stacksOf(dir);
  if (stacks.includes(stack)) return undefined;
  const near = closest(stack, stacks);
  return near ? `no Pulumi.${stack}.yaml in ${dir}: stack "${stack}" has no config. Did you mean "${near}"?` : undefined;
}
