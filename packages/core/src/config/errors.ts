import * as pulumi from "@pulumi/pulumi";

/** One bad configuration value: the full key (`mlops-platform:database.sizeGb`), what was given, why. */
export interface ConfigIssue {
  key: string;
  value: unknown;
  message: string;
}

/**
 * Every problem in a stack's configuration, reported together before any resource is
 * registered. The message is meant for people: one line per key, no stack trace. A RunError,
 * so `pulumi up` / `preview` print just the message instead of the program source and a trace.
 */
export class ConfigError extends pulumi.RunError {
  constructor(
    public readonly stackName: string,
    public readonly issues: readonly ConfigIssue[],
  ) {
    super(
      `Invalid configuration for stack "${stackName}" (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n` +
        issues.map((i) => `  - ${i.key}: ${i.message}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}

export { show } from "../kit/issues";
