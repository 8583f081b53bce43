import { readStackConfig } from "./config";
import { wireStack } from "./stack";

/**
 * The root program. Reads and validates the stack config (nothing is registered when it is
 * invalid), wires the stack and returns its outputs. Importing this module has no side effects;
 * Pulumi calls it through entry.ts, the offline plan and the tests call it directly.
 */
export function main(): Record<string, unknown> {
  const { config, given } = readStackConfig();
  return wireStack(config, given);
}
