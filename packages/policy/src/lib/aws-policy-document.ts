import type { ResourceValidation } from "@pulumi/policy";
import { validateTypeToken } from "./type-token";

/**
 * Reading AWS resource policies (bucket, repository, key, topic and queue policies) for
 * statements that grant access to everyone.
 */

/**
 * Condition keys that tie a statement to known callers or networks (an account, an
 * organization, a source ARN, a VPC endpoint, an IP range): with one of them a Principal "*"
 * grant is not public. Conditions on other keys (aws:SecureTransport, s3:x-amz-acl, ...) do
 * not restrict who calls.
 */
export const RESTRICTING_CONDITION_KEYS: readonly string[] = [
  "aws:sourcearn",
  "aws:sourceaccount",
  "aws:sourceowner",
  "aws:sourceorgid",
  "aws:sourceorgpaths",
  "aws:sourcevpc",
  "aws:sourcevpce",
  "aws:sourceip",
  "aws:principalarn",
  "aws:principalaccount",
  "aws:principalorgid",
  "aws:principalorgpaths",
  "aws:principalservicename",
  "aws:userid",
  "aws:username",
  "kms:calleraccount",
  "kms:viaservice",
  "sns:endpoint",
];

/** The policy document of a `policy` input: a JSON string or an object; `undefined` when it is neither. */
export function parsePolicyDocument(policy: unknown): Record<string, unknown> | undefined {
  if (typeof policy === "string") {
    try {
      const parsed: unknown = JSON.parse(policy);
      return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
  return typeof policy === "object" && policy !== null && !Array.isArray(policy) ? (policy as Record<string, unknown>) : undefined;
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** True when `principal` names everyone: `"*"`, `{ AWS: "*" }` or `{ AWS: [..., "*"] }`. */
function isEveryone(principal: unknown): boolean {
  if (principal === "*") return true;
  if (typeof principal !== "object" || principal === null) return false;
  return asList((principal as Record<string, unknown>)["AWS"]).includes("*");
}

/** True when the statement's Condition uses a key of {@link RESTRICTING_CONDITION_KEYS}. */
function isRestricted(condition: unknown): boolean {
  if (typeof condition !== "object" || condition === null) return false;
  return Object.values(condition).some(
    (byKey) => typeof byKey === "object" && byKey !== null && Object.keys(byKey).some((k) => RESTRICTING_CONDITION_KEYS.includes(k.toLowerCase())),
  );
}

/**
 * The statements of `document` that allow everyone without a restricting condition, as
 * `Sid` or index labels: `Effect` "Allow" with `Principal` "*" (or `{ AWS: "*" }`), or with a
 * `NotPrincipal` (allows everyone but the principals named).
 */
export function publicStatements(document: Record<string, unknown>): string[] {
  return asList(document["Statement"]).flatMap((statement, i) => {
    if (typeof statement !== "object" || statement === null) return [];
    const s = statement as Record<string, unknown>;
    if (s["Effect"] !== "Allow") return [];
    const everyone = isEveryone(s["Principal"]) || s["NotPrincipal"] !== undefined;
    if (!everyone || isRestricted(s["Condition"])) return [];
    return [typeof s["Sid"] === "string" && s["Sid"] !== "" ? `"${s["Sid"]}"` : `#${i}`];
  });
}

/**
 * The violation message for a resource policy, or `undefined` when it grants nobody public
 * access. `what` names the policy ("The bucket policy"); `fix` says how to restrict it.
 */
export function publicPolicyProblem(policy: unknown, what: string): string | undefined {
  if (policy === undefined || policy === null || policy === "") return undefined;
  const document = parsePolicyDocument(policy);
  if (!document) return undefined;
  const statements = publicStatements(document);
  if (statements.length === 0) return undefined;
  return (
    `${what} allows Principal "*" in statement ${statements.join(", ")} without a condition that restricts the caller: anyone on the ` +
    "internet can use it. Name the principals (account or role ARNs), or add a Condition on aws:SourceArn, aws:SourceAccount, " +
    "aws:PrincipalOrgID, aws:SourceVpce or a similar key."
  );
}

/**
 * A validation of one resource type whose `policy` input is a resource policy; the policy's
 * own value is read (an unknown value during preview makes the check indeterminate).
 */
export function validatePolicyInput(token: string, what: string): ResourceValidation {
  return validateTypeToken<{ policy?: unknown }>(token, (props, _args, report) => {
    const problem = publicPolicyProblem(props.policy, what);
    if (problem) report(problem);
  });
}
