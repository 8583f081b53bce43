// Deterministic fake identifiers: the same name always gives the same value, across runs.

/** The mock AWS account. */
export const MOCK_ACCOUNT_ID = "123456789012";
/** The AWS region when neither the provider nor the `aws:region` config names one. */
export const MOCK_AWS_REGION = "us-east-1";
/** The GCP project when neither the resource, its provider nor `gcp:project` names one. */
export const MOCK_GCP_PROJECT = "mock-project";
/** The GCP region when neither the resource, its provider nor `gcp:region` names one. */
export const MOCK_GCP_REGION = "us-central1";
/** The GCP project number. */
export const MOCK_GCP_PROJECT_NUMBER = "123456789012";

/** 32-bit FNV-1a of a string with a seed, as 8 hex digits. */
function fnv(s: string, seed: number): string {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** `n` hex digits derived from `s` (deterministic). */
export function hex(s: string, n = 7): string {
  let out = "";
  for (let seed = 0; out.length < n; seed++) out += fnv(s, seed);
  return out.slice(0, n);
}

/** The physical name Pulumi's autonaming would give: `<name>-<7 hex>`. */
export function autoname(name: string): string {
  return `${name}-${hex(name)}`;
}

/** A UUID-shaped deterministic id. */
export function uuidOf(s: string): string {
  const h = hex(s, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
