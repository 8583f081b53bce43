import fs from "node:fs";
import path from "node:path";
import type { Policy } from "@pulumi/policy";

/** The provider a policy checks; also its name's first segment and its folder. */
export const VENDORS = ["aws", "aws-native", "gcp", "google-native", "kubernetes"] as const;
export type Vendor = (typeof VENDORS)[number];

/** What a policy is about. */
export const TOPICS = ["encryption", "network", "logging", "access", "secrets", "backup", "tenancy", "compute"] as const;
export type Topic = (typeof TOPICS)[number];

/** Compliance frameworks a policy supports (as pulumi/compliance-policies tags them). */
export const FRAMEWORKS = ["cis", "hitrust", "iso27001", "pcidss", "soc2"] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The metadata the pack selects policies by. */
export interface PolicyTags {
  vendor: Vendor;
  /** The provider module(s) checked: `s3`, `ec2`, `container`, `core`, ... (the policy's folder is the first). */
  services: readonly string[];
  topics: readonly Topic[];
  frameworks: readonly Framework[];
  severity: Severity;
}

const ENTRY = Symbol.for("mlops.policy-entry");

/** One policy of the pack with its tags. A policy file exports exactly one. */
export interface PolicyEntry {
  readonly [ENTRY]: true;
  readonly policy: Policy;
  readonly tags: PolicyTags;
}

/**
 * Declares a policy with its tags. The policy's name must be its file's path under `src/`
 * with `/` as `-` (`aws/ec2/no-public-ip.ts` is `aws-ec2-no-public-ip`); a test checks it.
 */
export function definePolicy<P extends Policy>(policy: P, tags: PolicyTags): PolicyEntry & { policy: P } {
  checkTags(policy.name, tags);
  return Object.freeze({ [ENTRY]: true as const, policy, tags: Object.freeze({ ...tags }) });
}

/** Throws naming the policy, the tag, the bad value and the allowed values (tags may come from untyped code). */
function checkTags(name: string, tags: PolicyTags): void {
  const check = (key: string, values: readonly string[], allowed: readonly string[], min: number) => {
    const bad = values.filter((v) => !allowed.includes(v));
    if (bad.length > 0) throw new Error(`policy ${name}: ${key} ${bad.map((v) => `"${v}"`).join(", ")} is not one of ${allowed.join(", ")}`);
    if (values.length < min) throw new Error(`policy ${name}: ${key} needs at least ${min} value(s), one of ${allowed.join(", ")}`);
    if (new Set(values).size !== values.length) throw new Error(`policy ${name}: ${key} lists a value twice: ${values.join(", ")}`);
  };
  check("vendor", [tags.vendor], VENDORS, 1);
  check("topics", tags.topics, TOPICS, 1);
  check("frameworks", tags.frameworks, FRAMEWORKS, 0);
  check("severity", [tags.severity], SEVERITIES, 1);
  if (tags.services.length === 0 || tags.services.some((s) => !/^[a-z][a-z0-9]*$/.test(s))) {
    throw new Error(`policy ${name}: services must be one or more lower-case provider module names (s3, container, core), got ${JSON.stringify(tags.services)}`);
  }
}

export function isPolicyEntry(value: unknown): value is PolicyEntry {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[ENTRY] === true;
}

/** A policy file and what it exports. */
export interface PolicyFile {
  /** Path under the pack's source root, `/`-separated, without extension (`aws/ec2/no-public-ip`). */
  file: string;
  entries: PolicyEntry[];
}

// Tests (`*.test.ts`, the per-folder `*.spec.ts`) and declarations are not policy modules.
const isModuleFile = (f: string) => /\.(js|ts)$/.test(f) && !/\.(d|test|spec)\.ts$/.test(f) && !/\.(test|spec)\.js$/.test(f);

/**
 * A filter that drops build output whose source is gone: `tsc -b` does not delete `lib/x.js`
 * when `src/x.ts` is renamed or removed, and a stale policy would still join the pack. Applies
 * when `root` is a `lib` folder next to a `src` folder (a checkout); a published package has no
 * `src` and keeps every file.
 */
function hasSource(root: string, vendor: string): (file: string) => boolean {
  const src = path.join(path.dirname(root), "src");
  if (path.basename(root) !== "lib" || !fs.existsSync(src)) return () => true;
  return (file) => !file.endsWith(".js") || fs.existsSync(path.join(src, vendor, file.replace(/\.js$/, ".ts")));
}

/**
 * Every module under the vendor folders, loaded, with the policy entries each exports. Files
 * that export none are helpers (`ingress-rules.ts`).
 */
export function loadPolicyFiles(root = path.resolve(__dirname, "..")): PolicyFile[] {
  const files: PolicyFile[] = [];
  for (const vendor of VENDORS) {
    const dir = path.join(root, vendor);
    if (!fs.existsSync(dir)) continue;
    const found = (fs.readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[]).filter(isModuleFile).filter(hasSource(root, vendor)).sort();
    for (const f of found) {
      const exports = require(path.join(dir, f)) as Record<string, unknown>;
      files.push({ file: `${vendor}/${f.replace(/\\/g, "/").replace(/\.(js|ts)$/, "")}`, entries: Object.values(exports).filter(isPolicyEntry) });
    }
  }
  return files;
}

let cached: readonly PolicyEntry[] | undefined;

/** Every policy of the pack, sorted by name. */
export function allPolicies(): readonly PolicyEntry[] {
  cached ??= loadPolicyFiles()
    .flatMap((f) => f.entries)
    .sort((a, b) => a.policy.name.localeCompare(b.policy.name));
  return cached;
}

/** A selection by tags: each given list keeps the policies that have at least one of its values. */
export interface PolicySelection {
  vendors?: readonly Vendor[];
  services?: readonly string[];
  topics?: readonly Topic[];
  frameworks?: readonly Framework[];
  severities?: readonly Severity[];
}

const anyOf = <T>(wanted: readonly T[] | undefined, have: readonly T[]) => !wanted || wanted.some((w) => have.includes(w));

/** Throws on a selection value no policy could match (a typo would otherwise select nothing, silently). */
function checkSelection(selection: PolicySelection, from: readonly PolicyEntry[]): void {
  const known = new Set(from.flatMap((e) => e.tags.services));
  const lists: [keyof PolicySelection, readonly string[] | undefined, readonly string[]][] = [
    ["vendors", selection.vendors, VENDORS],
    ["services", selection.services, [...known].sort()],
    ["topics", selection.topics, TOPICS],
    ["frameworks", selection.frameworks, FRAMEWORKS],
    ["severities", selection.severities, SEVERITIES],
  ];
  for (const [key, wanted, allowed] of lists) {
    const bad = (wanted ?? []).filter((v) => !allowed.includes(v));
    if (bad.length > 0) throw new Error(`policy selection: ${key} ${bad.map((v) => `"${v}"`).join(", ")} is not one of ${allowed.join(", ")}`);
  }
}

/**
 * The policies whose tags match `selection` (all of them for `{}`; an empty list selects
 * none), sorted by name. Throws on a value no policy could match.
 */
export function selectPolicies(selection: PolicySelection, from: readonly PolicyEntry[] = allPolicies()): PolicyEntry[] {
  checkSelection(selection, from);
  return from.filter(
    ({ tags }) =>
      anyOf(selection.vendors, [tags.vendor]) &&
      anyOf(selection.services, tags.services) &&
      anyOf(selection.topics, tags.topics) &&
      anyOf(selection.frameworks, tags.frameworks) &&
      anyOf(selection.severities, [tags.severity]),
  );
}
