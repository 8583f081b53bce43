// Renders the arguments of aws:iam/getPolicyDocument into the IAM JSON the provider returns,
// so policy checks read the same document they would see in a real deployment.
import { isObject } from "./wire";

type Json = Record<string, unknown>;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
/** The provider writes a one-element list as a bare string. */
const oneOrMany = (xs: string[]): string | string[] => (xs.length === 1 ? (xs[0] as string) : xs);

function principals(v: unknown): unknown {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  const out: Record<string, string[]> = {};
  for (const p of v) {
    if (!isObject(p)) continue;
    const type = String(p["type"] ?? "");
    const ids = strings(p["identifiers"]);
    if (type === "*" && ids.includes("*")) return "*";
    out[type] = [...(out[type] ?? []), ...ids];
  }
  return Object.fromEntries(Object.entries(out).map(([k, ids]) => [k, oneOrMany(ids)]));
}

function conditions(v: unknown): Json | undefined {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  const out: Record<string, Record<string, string | string[]>> = {};
  for (const c of v) {
    if (!isObject(c)) continue;
    const test = String(c["test"] ?? "");
    const variable = String(c["variable"] ?? "");
    out[test] = { ...(out[test] ?? {}), [variable]: oneOrMany(strings(c["values"])) };
  }
  return out;
}

function statement(s: Json): Json {
  const out: Json = {};
  const set = (k: string, v: unknown) => {
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) out[k] = v;
  };
  if (typeof s["sid"] === "string" && s["sid"] !== "") out["Sid"] = s["sid"];
  out["Effect"] = typeof s["effect"] === "string" && s["effect"] !== "" ? s["effect"] : "Allow";
  set("Action", s["actions"] === undefined ? undefined : oneOrMany(strings(s["actions"])));
  set("NotAction", s["notActions"] === undefined ? undefined : oneOrMany(strings(s["notActions"])));
  set("Resource", s["resources"] === undefined ? undefined : oneOrMany(strings(s["resources"])));
  set("NotResource", s["notResources"] === undefined ? undefined : oneOrMany(strings(s["notResources"])));
  set("Principal", principals(s["principals"]));
  set("NotPrincipal", principals(s["notPrincipals"]));
  set("Condition", conditions(s["conditions"]));
  return out;
}

function statementsOf(doc: string): Json[] {
  try {
    const parsed: unknown = JSON.parse(doc);
    if (!isObject(parsed)) return [];
    const st = parsed["Statement"];
    return Array.isArray(st) ? st.filter(isObject) : isObject(st) ? [st] : [];
  } catch {
    throw new Error(`aws:iam/getPolicyDocument: a source or override document is not JSON: ${doc.slice(0, 80)}`);
  }
}

/** The IAM policy document for getPolicyDocument's arguments: `{ json, minifiedJson, id }`. */
export function renderPolicyDocument(args: Json): Json {
  let list: Json[] = [];
  for (const d of strings(args["sourcePolicyDocuments"])) list.push(...statementsOf(d));
  for (const s of Array.isArray(args["statements"]) ? args["statements"] : []) {
    if (!isObject(s)) continue;
    const rendered = statement(s);
    // A statement replaces a source statement with the same Sid.
    const i = rendered["Sid"] === undefined ? -1 : list.findIndex((x) => x["Sid"] === rendered["Sid"]);
    if (i >= 0) list[i] = rendered;
    else list.push(rendered);
  }
  for (const d of strings(args["overridePolicyDocuments"])) {
    for (const o of statementsOf(d)) {
      const i = o["Sid"] === undefined ? -1 : list.findIndex((x) => x["Sid"] === o["Sid"]);
      if (i >= 0) list[i] = o;
      else list = [...list, o];
    }
  }
  const doc: Json = { Version: typeof args["version"] === "string" ? args["version"] : "2012-10-17" };
  if (typeof args["policyId"] === "string") doc["Id"] = args["policyId"];
  doc["Statement"] = list;
  const minifiedJson = JSON.stringify(doc);
  return { json: JSON.stringify(doc, null, 2), minifiedJson, id: String(hashCode(minifiedJson)) };
}

function hashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) >>> 0;
  return h;
}
