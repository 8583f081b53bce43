import { isRecord } from "../../lib/values";

/** A statement of an IAM resource policy, as far as the public-principal check reads it. */
interface Statement {
  Effect?: unknown;
  Principal?: unknown;
  Condition?: unknown;
  Sid?: unknown;
}

const isStar = (v: unknown) => v === "*" || (Array.isArray(v) && v.includes("*"));

/** Whether a `Principal` means anyone: `"*"`, `{ AWS: "*" }` or `{ AWS: ["*", ...] }`. */
export function isPublicPrincipal(principal: unknown): boolean {
  if (isStar(principal)) return true;
  return isRecord(principal) && isStar(principal["AWS"]);
}

/**
 * The statements of a resource policy (object, or JSON text as CloudFormation also accepts) that
 * Allow a public principal without any Condition. `undefined` when the document is text that is
 * not JSON.
 */
export function publicAllowStatements(document: unknown): string[] | undefined {
  let doc = document;
  if (typeof doc === "string") {
    try {
      doc = JSON.parse(doc) as unknown;
    } catch {
      return undefined;
    }
  }
  if (!isRecord(doc)) return [];
  const raw = doc["Statement"];
  const statements = (Array.isArray(raw) ? raw : [raw]).filter(isRecord) as Statement[];
  return statements
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.Effect === "Allow" && isPublicPrincipal(s.Principal) && (!isRecord(s.Condition) || Object.keys(s.Condition).length === 0))
    .map(({ s, i }) => (typeof s.Sid === "string" ? `statement "${s.Sid}"` : `statement ${i}`));
}
