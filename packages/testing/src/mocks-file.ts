// The `--mocks` file: what the mock engine cannot know, supplied by the user (YAML or JSON).
//
//   invokes:
//     "aws:ec2/getAmi:getAmi": { id: ami-0123, architecture: x86_64 }   # the result of every call
//     "aws:ec2/getVpc:getVpc":                                         # or cases, first match wins
//       - when: { default: true }                                      # arguments to match (a subset)
//         result: { id: vpc-1, cidrBlock: 10.0.0.0/16 }
//       - result: { id: vpc-2, cidrBlock: 10.1.0.0/16 }                # no `when`: every other call
//   stackReferences:
//     "acme/network/prod":                                             # the name the program passes
//       vpcId: vpc-123
//       dbPassword: { fn::secret: hunter2 }                            # reaches the program as a secret
import fs from "node:fs";
import YAML from "yaml";
import { z } from "zod";
import { UnmatchedInvokeMock } from "./invokes";
import { SECRET_KEY, isSecretMarker } from "./stack-references";
import type { FunctionMock } from "./types";
import { isObject } from "./wire";

/** One answer of an invoke: for the calls whose arguments contain `when` (every call without it). */
export interface InvokeCase {
  when?: Record<string, unknown>;
  result: Record<string, unknown>;
}

/** A mocks file, validated. */
export interface Mocks {
  invokes: Record<string, InvokeCase[]>;
  stackReferences: Record<string, Record<string, unknown>>;
}

/** A mocks file that cannot be read or is not valid: names the file, the key, the value and what is allowed. */
export class MocksFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MocksFileError";
  }
}

const TOKEN = /^[A-Za-z][\w-]*:[\w./-]*:[\w./-]+$/;
const TOP_KEYS = ["invokes", "stackReferences"];

const mapping = (what: string) => z.record(z.string(), z.unknown(), { error: `expected a mapping (${what})` });
const Top = z.strictObject(
  {
    invokes: z.record(z.string().regex(TOKEN, { error: "expected a function token such as aws:ec2/getVpc:getVpc" }), z.unknown(), { error: "expected a mapping of function token to result" }).nullish(),
    stackReferences: z.record(z.string().regex(/^\S+$/, { error: "expected a stack name such as acme/network/prod" }), mapping("output name to value"), { error: "expected a mapping of stack name to its outputs" }).nullish(),
  },
  { error: (iss) => (iss.code === "unrecognized_keys" ? `unknown key; allowed: ${TOP_KEYS.join(", ")}` : "expected a mapping with invokes and/or stackReferences") },
);
const Result = mapping("the function's result, e.g. { id: vpc-1 }");
const Case = z.strictObject(
  { when: mapping("the arguments to match, e.g. { default: true }").optional(), result: Result },
  { error: (iss) => (iss.code === "unrecognized_keys" ? "unknown key; allowed: when, result" : "expected { when?: <arguments>, result: <result> }") },
);
const Cases = z.array(Case).min(1, { error: "expected at least one { when?, result } case" });

interface Issue {
  path: PropertyKey[];
  message: string;
}

/** `invokes."aws:ec2/getVpc:getVpc"[0].result` */
function keyPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : /^\w+$/.test(String(p)) ? `${i > 0 ? "." : ""}${String(p)}` : `${i > 0 ? "." : ""}"${String(p)}"`)).join("");
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const p of path) v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

function show(v: unknown): string {
  const text = v === undefined ? "(missing)" : JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function zodIssues(error: z.ZodError, prefix: PropertyKey[]): Issue[] {
  return error.issues.flatMap((i): Issue[] => {
    if (i.code === "unrecognized_keys") return i.keys.map((k) => ({ path: [...prefix, ...i.path, k], message: i.message }));
    if (i.code === "invalid_key") return [{ path: [...prefix, ...i.path], message: i.issues.map((x) => x.message).join("; ") }];
    return [{ path: [...prefix, ...i.path], message: i.message }];
  });
}

/** `{ fn::secret: v }` markers must stand alone: `{ fn::secret: v, other: 1 }` is a typo, not a secret. */
function markerIssues(v: unknown, path: PropertyKey[]): Issue[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => markerIssues(x, [...path, i]));
  if (!isObject(v)) return [];
  if (SECRET_KEY in v && !isSecretMarker(v)) return [{ path, message: `a secret is { ${SECRET_KEY}: <value> } alone; other keys: ${Object.keys(v).filter((k) => k !== SECRET_KEY).join(", ")}` }];
  return Object.entries(v).flatMap(([k, x]) => markerIssues(x, [...path, k]));
}

/** Whether `args` holds everything in `when`: objects by their keys, lists and scalars exactly. */
export function argsMatch(when: unknown, args: unknown): boolean {
  if (Array.isArray(when)) return Array.isArray(args) && when.length === args.length && when.every((w, i) => argsMatch(w, args[i]));
  if (isObject(when)) return isObject(args) && Object.keys(when).every((k) => argsMatch(when[k], args[k]));
  return when === args;
}

/** Validates parsed mocks; `label` names the file in errors. */
export function validateMocks(raw: unknown, label: string): Mocks {
  if (raw === null || raw === undefined) return { invokes: {}, stackReferences: {} };
  const issues: Issue[] = [];
  const top = Top.safeParse(raw);
  if (!top.success) issues.push(...zodIssues(top.error, []));
  const mocks: Mocks = { invokes: {}, stackReferences: {} };
  // Each entry is checked even when the top level has other problems: one run shows them all.
  const root = isObject(raw) ? raw : {};
  for (const [token, value] of Object.entries(isObject(root["invokes"]) ? root["invokes"] : {})) {
    const parsed = Array.isArray(value) ? Cases.safeParse(value) : Result.safeParse(value);
    if (!parsed.success) {
      issues.push(...zodIssues(parsed.error, ["invokes", token]));
      continue;
    }
    const cases: InvokeCase[] = Array.isArray(parsed.data) ? parsed.data : [{ result: parsed.data as Record<string, unknown> }];
    const catchAll = cases.findIndex((c) => c.when === undefined);
    if (catchAll >= 0 && catchAll < cases.length - 1) issues.push({ path: ["invokes", token, catchAll + 1], message: `is never used: case ${catchAll} has no \`when\` and answers every call; put it last` });
    issues.push(...markerIssues(value, ["invokes", token]));
    mocks.invokes[token] = cases;
  }
  for (const [stack, outputs] of Object.entries(isObject(root["stackReferences"]) ? root["stackReferences"] : {})) {
    issues.push(...markerIssues(outputs, ["stackReferences", stack]));
    if (isObject(outputs)) mocks.stackReferences[stack] = outputs;
  }
  if (issues.length > 0) {
    const lines = issues.map((i) => {
      const v = valueAt(raw, i.path);
      const key = keyPath(i.path) || "(top level)";
      return `  ${key}: ${v === undefined || isObject(v) || Array.isArray(v) ? "" : `${show(v)}: `}${i.message}`;
    });
    throw new MocksFileError(`${label}: invalid mocks file:\n${lines.join("\n")}`);
  }
  return mocks;
}

/** Parses and validates mocks text (YAML, of which JSON is a subset). */
export function parseMocks(text: string, label: string): Mocks {
  let raw: unknown;
  try {
    raw = YAML.parse(text, { prettyErrors: true });
  } catch (err) {
    throw new MocksFileError(`${label}: not valid YAML or JSON: ${(err as Error).message}`);
  }
  return validateMocks(raw, label);
}

/** Reads a `--mocks` file. */
export function loadMocksFile(file: string): Mocks {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new MocksFileError(`--mocks ${file}: cannot read it: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return parseMocks(text, file);
}

/** The invoke cases as {@link FunctionMock}s: the first case whose `when` the arguments match answers. */
export function invokeMocks(mocks: Mocks): Record<string, FunctionMock> {
  return Object.fromEntries(
    Object.entries(mocks.invokes).map(([token, cases]) => [
      token,
      (args: Record<string, unknown>) => {
        const hit = cases.find((c) => c.when === undefined || argsMatch(c.when, args));
        if (!hit) throw new UnmatchedInvokeMock(cases.map((c) => c.when ?? {}));
        return structuredClone(hit.result);
      },
    ]),
  );
}

/** A mocks file as {@link runWithMocks} options. */
export function mocksOptions(mocks: Mocks): { invokes: Record<string, FunctionMock>; stackReferences: Record<string, Record<string, unknown>> } {
  return { invokes: invokeMocks(mocks), stackReferences: mocks.stackReferences };
}
