import type { ReportViolation, ResourceValidation, ResourceValidationArgs } from "@pulumi/policy";
import type { Unwrap } from "@pulumi/pulumi";

/** A validation of one resource type's props, typed by the provider SDK's Args (types only). */
export type TypedValidation<TArgs> = (props: Unwrap<NonNullable<TArgs>>, args: ResourceValidationArgs, report: ReportViolation) => Promise<void> | void;

/**
 * `validateResourceOfType` by type token instead of by class, so the policy does not load the
 * provider SDK: an AWS stack's plan never loads `@pulumi/gcp` (~120 ms) for the GCP rules. It
 * behaves the same: the validation runs only for that type, the analyzer pre-filters on
 * `__pulumiType`, and other types are reported not applicable with the same message.
 */
export function validateTypeToken<TArgs>(token: string, validate: TypedValidation<TArgs>): ResourceValidation {
  const fn: ResourceValidation = (args, report) => {
    if (args.type === token) return validate(args.props as Unwrap<NonNullable<TArgs>>, args, report);
    args.notApplicable(`Policy only applies to resources of type '${token}'`);
  };
  return Object.assign(fn, { __pulumiType: token });
}
