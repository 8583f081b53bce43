import type { EnforcementLevel } from "@mlops/core";
import type { ValueOrigins } from "./lib/secrets";

/**
 * One resource of a planned stack, as the offline plan records it under the mock engine.
 * Only `type`, `name`, `urn`, `inputs`, `secretPaths`, `dependencies` and `protect` are read
 * for the per-resource check; the stack check also reads `parent`, `provider`, `outputs`,
 * `id` and `propertyDependencies`.
 */
export interface PlannedResource {
  /** Type token, e.g. `aws:s3/bucketV2:BucketV2`, `awsx:ec2:Vpc`, `pulumi:providers:aws`. */
  type: string;
  /** Logical name. */
  name: string;
  urn: string;
  /** Parent URN. */
  parent?: string;
  /** URNs this resource depends on (explicit and through inputs). */
  dependencies: string[];
  /**
   * URNs each input depends on, as the engine records them (`{ bucket: [bucketUrn] }`).
   * Optional; when absent the stack policies fall back to `dependencies` to match resources.
   */
  propertyDependencies?: Record<string, string[]>;
  /**
   * Inputs as plain JSON. Unknown values (preview) may be Pulumi's unknown sentinel string
   * (`UNKNOWN_VALUE`) or `pulumi.unknown`; values wrapped in Pulumi's secret signature are
   * treated as secret too.
   */
  inputs: Record<string, unknown>;
  /**
   * Dotted paths of the secret inputs (`password`, `stringData.token`, `settings.0.key`); a
   * path also covers everything below it. Keys that contain dots (`tls.crt`) are matched.
   */
  secretPaths: string[];
  protect: boolean;
  /** Provider reference, `<provider urn>::<provider id>`, or a provider URN. */
  provider?: string;
  /** Custom resource (false for components). */
  custom: boolean;
  /** Remote (multi-language) component such as `eks:index:Cluster`. */
  remote?: boolean;
  /** A resource the program reads (`.get`) rather than manages: no resource policy checks it. */
  read?: boolean;
  /** A child the offline plan modelled for a remote component; its parent is then shown to policies without inputs. */
  modelled?: boolean;
  id?: string;
  /** Outputs; the stack check sees `{ ...inputs, ...outputs }` (the engine sends outputs). */
  outputs?: Record<string, unknown>;
}

/** One policy violation, as CrossGuard reported it. */
export interface PolicyViolation {
  policyName: string;
  /** `remediate` never appears here: the analyzer reports a remediation policy that still fails as mandatory. */
  enforcementLevel: "advisory" | "mandatory" | "remediate";
  /** What is wrong with this resource (CrossGuard's message without the leading description). */
  message: string;
  /** What the policy requires and why. */
  description: string;
  urn?: string;
  resourceType?: string;
  resourceName?: string;
}

/** Options of {@link evaluatePolicies}. */
export interface EvaluateOptions {
  /** The pack's level: every policy without an override gets it. `disabled` turns all off. */
  enforcementLevel: EnforcementLevel;
  /** Per-policy levels, by policy name (as `--policy-pack-config` does); unknown names throw. */
  overrides?: Record<string, EnforcementLevel>;
  /**
   * Where values came from (stack config, invoke results), as the offline plan knows: the
   * plaintext-secret policies then flag a literal even when the SDK marked the input secret.
   */
  valueOrigins?: ValueOrigins;
}

/** What {@link evaluatePolicies} found. */
export interface EvaluationResult {
  violations: PolicyViolation[];
  /** Names of the policies that ran (not disabled), in pack order. */
  policiesRun: string[];
  /**
   * Checks that could not run because a value they read is unknown until the update
   * (`pulumi preview`); CrossGuard prints them as advisory "can't run policy ... during preview".
   * Not violations.
   */
  indeterminate: PolicyViolation[];
}
