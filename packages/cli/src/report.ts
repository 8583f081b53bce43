import type { RecordedResource } from "@mlops/testing";
import { SECRET_MASK, maskPaths, secretReplacer, secretValues } from "./mask";
import { gateFailures, type PlanResult } from "./plan";

export interface ReportOptions {
  /** The resource tree (`--no-tree` leaves it out). */
  tree: boolean;
  /** Each resource's inputs under it, secrets masked (`--diff`). */
  diff?: boolean;
  /** Where long lines wrap: the terminal's width. Default: 100. */
  width?: number;
}

const DEFAULT_WIDTH = 100;
/** A create marker, as `pulumi preview` puts before each resource it would create. */
const CREATE = "+ ";

const providerOf = (r: RecordedResource): string => {
  if (r.type.startsWith("pulumi:providers:")) return r.type.slice("pulumi:providers:".length);
  return r.type.split(":")[0] ?? r.type;
};

function marksOf(r: RecordedResource): string {
  const marks = [
    r.protect ? "protected" : "",
    r.secretPaths.length ? `secret: ${r.secretPaths.join(", ")}` : "",
    r.remote ? "remote component" : "",
    r.modelled ? "modelled" : "",
    r.unverified ? `unverified: ${r.unverified}` : "",
  ].filter(Boolean);
  return marks.map((m) => `  [${m}]`).join("");
}

/** The tree walk: `detail` adds lines under a resource, indented as its children would be. */
function treeLines(resources: readonly RecordedResource[], detail?: (r: RecordedResource) => string[]): string[] {
  const children = new Map<string | undefined, RecordedResource[]>();
  const urns = new Set(resources.map((r) => r.urn));
  for (const r of resources) {
    const parent = r.parent && urns.has(r.parent) ? r.parent : undefined;
    const list = children.get(parent) ?? [];
    list.push(r);
    children.set(parent, list);
  }
  const lines: string[] = [];
  const walk = (parent: string | undefined, prefix: string) => {
    const list = children.get(parent) ?? [];
    list.forEach((r, i) => {
      const last = i === list.length - 1;
      const below = prefix + (last ? "   " : "│  ");
      lines.push(`${prefix}${last ? "└─ " : "├─ "}${r.type}  ${r.name}${marksOf(r)}`);
      const kids = children.get(r.urn) ?? [];
      for (const d of detail?.(r) ?? []) lines.push(`${below}${kids.length ? "│  " : "   "}${d}`);
      walk(r.urn, below);
    });
  };
  walk(undefined, "");
  return lines;
}

/** The resource tree, one line per resource, children indented under their parent. */
export function renderTree(resources: readonly RecordedResource[]): string[] {
  return treeLines(resources);
}

function countBy<T>(items: readonly T[], key: (t: T) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** `text` broken at spaces so that no line is wider than `width`; later lines start with `indent`. */
export function wrap(text: string, width: number, indent = "    "): string[] {
  if (text.length <= width) return [text];
  const [, lead = "", body = ""] = /^(\s*)(.*)$/s.exec(text) ?? [];
  const lines: string[] = [];
  let line = lead;
  for (const word of body.split(" ")) {
    if (line.trim() !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else {
      line = line.trim() === "" ? line + word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines;
}

/** `label` and a comma-separated list, broken between items (not inside one) to fit `width`. */
export function wrapList(label: string, items: readonly string[], width: number, indent = "    "): string[] {
  if (items.length === 0) return [`${label} none`];
  const lines: string[] = [];
  let line = label;
  items.forEach((item, i) => {
    const text = i < items.length - 1 ? `${item},` : item;
    if (line.trim() !== "" && line !== label && line.length + 1 + text.length > width) {
      lines.push(line);
      line = indent + text;
    } else {
      line = `${line} ${text}`;
    }
  });
  lines.push(line);
  return lines;
}

/** One input per line, `key: value`, secrets masked, long values cut at the width. */
function inputLines(r: RecordedResource, width: number, replacer: (key: string, value: unknown) => unknown): string[] {
  const masked = maskPaths(r.inputs, r.secretPaths);
  return Object.keys(masked).sort().map((k) => {
    const v = replacer(k, masked[k]);
    const text = `${k}: ${v === SECRET_MASK ? SECRET_MASK : JSON.stringify(v, replacer)}`;
    return text.length > width ? `${text.slice(0, width - 1)}…` : text;
  });
}

/** A value as `pulumi preview` lists outputs: scalars as JSON, objects and arrays one member per line. */
function valueLines(key: string, value: unknown, indent: string): string[] {
  if (Array.isArray(value) && value.length > 0) {
    return [`${indent}${key}: [`, ...value.flatMap((v, i) => valueLines(`[${i}]`, v, `${indent}    `)), `${indent}]`];
  }
  if (value !== null && typeof value === "object" && Object.keys(value).length > 0) {
    const entries = Object.entries(value as Record<string, unknown>);
    const pad = Math.max(...entries.map(([k]) => k.length));
    return [`${indent}${key}: {`, ...entries.flatMap(([k, v]) => valueLines(k.padEnd(pad), v, `${indent}    `)), `${indent}}`];
  }
  return [`${indent}${key}: ${value === SECRET_MASK ? SECRET_MASK : JSON.stringify(value)}`];
}

function outputLines(result: PlanResult): string[] {
  const keys = Object.keys(result.outputs);
  if (keys.length === 0) return [];
  return ["Outputs:", ...keys.flatMap((k) => valueLines(k, result.secretOutputs.includes(k) ? SECRET_MASK : result.outputs[k], "    "))];
}

/** Resources as `pulumi preview` counts them: every step but the engine's default providers. */
function shown(resources: readonly RecordedResource[]): RecordedResource[] {
  return resources.filter((r) => !(r.type.startsWith("pulumi:providers:") && /^default(_|$)/.test(r.name)));
}

/** Unverified components and checks that could not run, each with what the gate makes of them. */
function gateSection(result: PlanResult, prose: (text: string, indent?: string) => void, whole: (line: string) => void): void {
  const mandatory = result.enforcement === "mandatory";
  const verdict = (allowed: boolean, flag: string) =>
    !mandatory ? `reported only (enforcement ${result.enforcement})` : allowed ? `allowed by ${flag}` : `each fails this mandatory plan unless ${flag} is given`;
  if (result.unverified.length > 0) {
    prose(`Unverified components (${result.unverified.length}): no policy saw their children; ${verdict(result.allowed.unverified, "--allow-unverified")}`);
    for (const u of result.unverified) prose(`  ${u.type}  ${u.name}: ${u.reason}`, "      ");
    whole("");
  }
  const indeterminate = result.policy.indeterminate;
  if (indeterminate.length > 0) {
    prose(`Checks that could not run in preview (${indeterminate.length}): values unknown until deploy; ${verdict(result.allowed.indeterminate, "--allow-indeterminate")}`);
    for (const v of indeterminate) {
      whole(`  ${v.policyName}: ${v.resourceType ?? ""} ${v.resourceName ?? ""}`.trimEnd());
      for (const line of v.message.split("\n")) prose(`      ${line}`, "      ");
    }
    whole("");
  }
}

/** The last line: whether the plan passes, and if not every reason with the flag that allows it. */
export function renderOutcome(result: PlanResult): string {
  const reasons = [
    ...(result.policy.mandatory > 0 ? [`${result.policy.mandatory} mandatory policy violation(s)`] : []),
    ...gateFailures(result),
  ];
  return reasons.length === 0 ? `Plan passed (enforcement ${result.enforcement}).` : `Plan FAILED (enforcement ${result.enforcement}): ${reasons.join("; ")}.`;
}

/** The human report: what was planned, the tree, the summary, the policy results and the gate. */
export function renderReport(result: PlanResult, opts: ReportOptions): string {
  const width = opts.width && opts.width > 20 ? opts.width : DEFAULT_WIDTH;
  const out: string[] = [];
  const prose = (text: string, indent?: string) => out.push(...wrap(text, width, indent));
  // The header lines and each violation's first line stay whole, for grep.
  out.push(`MOCKED PLAN of stack "${result.stack}" (project ${result.project}, program ${result.program})`);
  out.push("No cloud, cluster or Pulumi CLI was contacted: resource outputs are canned by the mock engine.");
  out.push(`Tier ${result.tier} (${result.tierSource}); policy enforcement ${result.enforcement}${result.preview ? "; preview mode (computed values unknown)" : ""}`);
  out.push("");
  if (result.warnings.length > 0) {
    out.push("Plan warnings:");
    for (const w of result.warnings) prose(`  warning: ${w}`, "      ");
    out.push("");
  }
  if (opts.tree) {
    const replacer = opts.diff ? secretReplacer(allSecrets(result.resources)) : undefined;
    const detail = replacer ? (r: RecordedResource) => inputLines(r, width, replacer) : undefined;
    out.push(...treeLines(shown(result.resources), detail).map((l) => CREATE + l), "");
  }
  const outputs = outputLines(result);
  if (outputs.length > 0) out.push(...outputs.flatMap((l) => wrap(l, width, "        ")), "");

  const all = shown(result.resources);
  const real = all.filter((r) => r.type !== "pulumi:pulumi:Stack");
  out.push("Resources:", `    ${CREATE}${all.length} to create`);
  const kinds = [`${real.filter((r) => r.custom).length} custom`, `${real.filter((r) => !r.custom).length} components`];
  const modelled = real.filter((r) => r.modelled).length;
  if (modelled > 0) kinds.push(`${modelled} modelled`);
  if (result.unverified.length > 0) kinds.push(`${result.unverified.length} unverified`);
  out.push(`    (${kinds.join(", ")})`);
  out.push("By provider:");
  for (const [p, n] of countBy(real.filter((r) => r.custom), providerOf)) out.push(`  ${String(n).padStart(4)}  ${p}`);
  out.push("By type:");
  for (const [t, n] of countBy(real, (r) => r.type)) out.push(`  ${String(n).padStart(4)}  ${t}`);
  const protectedOnes = real.filter((r) => r.protect);
  out.push(...wrapList("Protected:", protectedOnes.map((r) => `${r.type} ${r.name}`), width));
  out.push(...wrapList("Secret outputs:", result.secretOutputs, width));
  const messages = result.logs.filter((l) => l.severity !== "info");
  if (messages.length > 0) {
    out.push("Program messages:");
    for (const l of messages) prose(`  ${l.severity}: ${l.message}`, "      ");
  }
  out.push("");
  gateSection(result, prose, (line) => out.push(line));
  prose(`Policies: ${result.policy.policiesRun.length} evaluated, ${result.policy.mandatory} mandatory and ${result.policy.advisory} advisory violation(s)`);
  for (const v of result.policy.violations) {
    out.push(`  [${v.enforcementLevel}] ${v.policyName}: ${v.resourceType ?? ""} ${v.resourceName ?? ""}`.trimEnd());
    for (const line of v.message.split("\n")) prose(`      ${line}`, "      ");
  }
  out.push("");
  prose(renderOutcome(result));
  return out.join("\n");
}

/**
 * The machine-readable plan: the full graph and the policy results, with no secret in clear:
 * inputs and outputs at their secret paths, stack outputs (masked by plan()), and any other
 * string that holds a secret value.
 */
export function toJson(result: PlanResult): string {
  const resources = result.resources.map((r) => ({ ...r, inputs: maskPaths(r.inputs, r.secretPaths), outputs: maskPaths(r.outputs, outputSecretPathsOf(r)) }));
  return JSON.stringify({ ...result, resources }, secretReplacer(allSecrets(result.resources)), 2) + "\n";
}

/** An output is secret where the input it echoes was, and where the provider or component said so. */
function outputSecretPathsOf(r: RecordedResource): string[] {
  return [...new Set([...r.secretPaths, ...(r.outputSecretPaths ?? [])])];
}

/** Every secret value of the plan, as text: what must not appear in clear anywhere. */
function allSecrets(resources: readonly RecordedResource[]): Set<string> {
  const secrets = new Set<string>();
  for (const r of resources) {
    secretValues(r.inputs, r.secretPaths, secrets);
    secretValues(r.outputs, outputSecretPathsOf(r), secrets);
  }
  return secrets;
}
