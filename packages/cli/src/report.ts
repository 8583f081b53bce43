import type { RecordedResource } from "@mlops/testing";
import type { PlanResult } from "./plan";

const providerOf = (r: RecordedResource): string => {
  if (r.type.startsWith("pulumi:providers:")) return r.type.slice("pulumi:providers:".length);
  return r.type.split(":")[0] ?? r.type;
};

/** The resource tree, one line per resource, children indented under their parent. */
export function renderTree(resources: readonly RecordedResource[]): string[] {
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
      const marks = [r.protect ? "protected" : "", r.secretPaths.length ? `secret: ${r.secretPaths.join(", ")}` : "", r.remote ? "remote component" : ""].filter(Boolean);
      lines.push(`${prefix}${last ? "└─ " : "├─ "}${r.type}  ${r.name}${marks.length ? `  [${marks.join("; ")}]` : ""}`);
      walk(r.urn, prefix + (last ? "   " : "│  "));
    });
  };
  walk(undefined, "");
  return lines;
}

function countBy<T>(items: readonly T[], key: (t: T) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The human report: what was planned, the tree, the summary and the policy results. */
export function renderReport(result: PlanResult, opts: { tree: boolean }): string {
  const out: string[] = [];
  out.push(`MOCKED PLAN of stack "${result.stack}" (project ${result.project}, program ${result.program})`);
  out.push("No cloud, cluster or Pulumi CLI was contacted: resource outputs are canned by the mock engine.");
  out.push(`Tier ${result.tier} (${result.tierSource}); policy enforcement ${result.enforcement}${result.preview ? "; preview mode (computed values unknown)" : ""}`);
  out.push("");
  if (opts.tree) {
    out.push(...renderTree(result.resources), "");
  }
  const real = result.resources.filter((r) => r.type !== "pulumi:pulumi:Stack");
  out.push(`Resources: ${real.length} (${real.filter((r) => r.custom).length} custom, ${real.filter((r) => !r.custom).length} components)`);
  out.push("By provider:");
  for (const [p, n] of countBy(real.filter((r) => r.custom), providerOf)) out.push(`  ${String(n).padStart(4)}  ${p}`);
  out.push("By type:");
  for (const [t, n] of countBy(real, (r) => r.type)) out.push(`  ${String(n).padStart(4)}  ${t}`);
  const protectedOnes = real.filter((r) => r.protect);
  out.push(`Protected: ${protectedOnes.length ? protectedOnes.map((r) => `${r.type} ${r.name}`).join(", ") : "none"}`);
  out.push(`Secret outputs: ${result.secretOutputs.length ? result.secretOutputs.join(", ") : "none"}`);
  const messages = result.logs.filter((l) => l.severity !== "info");
  if (messages.length > 0) {
    out.push("Program messages:");
    for (const l of messages) out.push(`  ${l.severity}: ${l.message}`);
  }
  out.push("");
  out.push(`Policies: ${result.policy.policiesRun.length} evaluated, ${result.policy.mandatory} mandatory and ${result.policy.advisory} advisory violation(s)`);
  for (const v of result.policy.violations) {
    out.push(`  [${v.enforcementLevel}] ${v.policyName}: ${v.resourceType ?? ""} ${v.resourceName ?? ""}`.trimEnd());
    out.push(`      ${v.message.split("\n").join("\n      ")}`);
  }
  return out.join("\n");
}

/** The machine-readable plan: the full graph and the policy results. */
export function toJson(result: PlanResult): string {
  return JSON.stringify(result, null, 2) + "\n";
}
