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
  return Object.freeze({ [ENTRY]: true as const, policy, tags });
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

const isModuleFile = (f: string) => /\.(js|ts)$/.test(f) && !/\.(d|test)\.ts$/.test(f) && !f.endsWith(".test.js");

/**
 * Every module under the vendor folders, loaded, with the policy entries each exports. Files
 * that export none are helpers (`ingress-rules.ts`). Runs once per process.
 */
export function loadPolicyFiles(root = path.resolve(__dirname, "..")): PolicyFile[] {
  const files: PolicyFile[] = [];
  for (const vendor of VENDORS) {
    const dir = path.join(root, vendor);
    if (!fs.existsSync(dir)) continue;
    const found = (fs.readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[]).filter(isModuleFile).sort();
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

/** The policies whose tags match `selection` (all of them for `{}`), sorted by name. */
export function selectPolicies(selection: PolicySelection, from: readonly PolicyEntry[] = allPolicies()): PolicyEntry[] {
  return from.filter(
    ({ tags }) =>
      anyOf(selection.vendors, [tags.vendor]) &&
      anyOf(selection.services, tags.services) &&
      anyOf(selection.topics, tags.topics) &&
      anyOf(selection.frameworks, tags.frameworks) &&
      anyOf(selection.severities, [tags.severity]),
  );
}
