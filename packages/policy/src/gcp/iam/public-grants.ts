import type { ResourceValidation } from "@pulumi/policy";
import { isRecord } from "../../lib/values";

/** IAM principals that mean "anyone": every internet user, or every holder of any Google account. */
export const PUBLIC_PRINCIPALS: readonly string[] = ["allUsers", "allAuthenticatedUsers"];

/** A role granted to a public principal, for messages. */
export interface PublicGrant {
  role: string;
  member: string;
}

/** The type tokens of one resource's IAM resources, by how they state members. */
export interface IamTokens {
  /** `member` + `role` (IamMember). */
  member?: readonly string[];
  /** `members` + `role` (IamBinding). */
  binding?: readonly string[];
  /** `policyData`, a JSON IAM policy (classic IamPolicy). */
  policyData?: readonly string[];
  /** `bindings` as objects (google-native IamPolicy). */
  bindings?: readonly string[];
}

const isPublic = (member: unknown): member is string => typeof member === "string" && PUBLIC_PRINCIPALS.includes(member);

/** The public grants in a list of `{ role, members }` bindings. */
function grantsOf(bindings: unknown): PublicGrant[] {
  if (!Array.isArray(bindings)) return [];
  return bindings.flatMap((b: unknown) => {
    if (!isRecord(b) || !Array.isArray(b["members"])) return [];
    const role = typeof b["role"] === "string" ? b["role"] : "(no role)";
    return (b["members"] as unknown[]).filter(isPublic).map((member) => ({ role, member }));
  });
}

/**
 * The public grants of an IAM resource, by its kind. A `policyData` that is not JSON is
 * reported by the caller as unreadable (`undefined`).
 */
export function publicGrants(kind: keyof IamTokens, props: Record<string, unknown>): PublicGrant[] | undefined {
  const role = typeof props["role"] === "string" ? props["role"] : "(no role)";
  switch (kind) {
    case "member":
      return isPublic(props["member"]) ? [{ role, member: props["member"] }] : [];
    case "binding":
      return grantsOf([{ role, members: props["members"] }]);
    case "bindings":
      return grantsOf(props["bindings"]);
    case "policyData": {
      const data = props["policyData"];
      if (typeof data !== "string") return [];
      try {
        const parsed: unknown = JSON.parse(data);
        return grantsOf(isRecord(parsed) ? parsed["bindings"] : undefined);
      } catch {
        return undefined;
      }
    }
  }
}

/**
 * Validations that flag IAM resources granting any role to `allUsers` or
 * `allAuthenticatedUsers`, one per type token. `consequence` finishes the message
 * ("anyone can invoke the function").
 */
export function noPublicIamGrants(tokens: IamTokens, consequence: string): ResourceValidation[] {
  return (Object.keys(tokens) as (keyof IamTokens)[]).flatMap((kind) =>
    (tokens[kind] ?? []).map((token) => {
      const validate: ResourceValidation = (args, report) => {
        if (args.type !== token) args.notApplicable(`Policy only applies to resources of type '${token}'`);
        const grants = publicGrants(kind, args.props);
        if (grants === undefined) {
          report("policyData is not JSON, so its members cannot be checked: pass the output of an IAM policy data source.");
          return;
        }
        for (const { role, member } of grants) {
          report(`grants ${role} to ${member}: ${consequence}. Grant it to specific service accounts, users or groups instead.`);
        }
      };
      return Object.assign(validate, { __pulumiType: token });
    }),
  );
}
