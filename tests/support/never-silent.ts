// "Never silent": every setting of every built component either changes the plan or is rejected
// with its key named. For each settings key, the check sets a value that differs from the
// stack's effective one, plans the stack, and compares the recorded graph with the stack's own.
import { expect } from "@jest/globals";
import { COMPONENT_SETTINGS, backendFor, resolveSettings, resolveStackConfig, type SettingsSpec } from "@mlops/core";
import { main } from "@mlops/platform";
import { loadStackConfig, runWithMocks, type RecordedResource } from "@mlops/testing";
import { ROOT } from "./plans";

/**
 * Candidate values per `section.key`, valid on at least one backend; the check uses the first
 * that differs from the stack's effective value (booleans are flipped). A settings key without an
 * entry fails the completeness test: a new key needs a line here.
 */
export const CANDIDATES: Readonly<Record<string, readonly unknown[]>> = {
  "network.cidr": ["10.99.0.0/16", "10.98.0.0/16"],
  "network.azCount": [2, 3],
  "network.natGateways": ["single", "one-per-az"],
  "network.privateServicesCidr": ["10.101.0.0/16", "10.102.0.0/16"],
  "network.podsCidr": ["10.80.0.0/14", "10.84.0.0/14"],
  "network.servicesCidr": ["10.90.0.0/20", "10.91.0.0/20"],
  "cluster.kubernetesVersion": ["1.32", "1.33"],
  "cluster.system": [{ maxSize: 5 }, { maxSize: 7 }],
  "cluster.workload": [{ maxSize: 8 }, { maxSize: 9 }],
  "cluster.gpu": [{ maxSize: 3 }, { maxSize: 5 }],
  "cluster.publicAccessCidrs": [["203.0.113.0/24"]],
  "cluster.releaseChannel": ["RAPID", "REGULAR"],
  "database.engineVersion": ["15", "16"],
  "database.databaseName": ["features", "registry"],
  "database.username": ["feast", "owner"],
  "database.sizeGb": [40, 60],
  "database.maxSizeGb": [300, 400],
  "database.instanceClass": ["db.m6g.large", "db-custom-2-7680"],
  "database.backupRetentionDays": [14, 21],
  "objectStore.transitionToColdAfterDays": [45, 75],
  "objectStore.expireNoncurrentAfterDays": [45, 75],
  "objectStore.expireAfterDays": [400, 500],
  "objectStore.retentionDays": [10, 20],
  "objectStore.sizeGb": [15, 25],
  "cache.engineVersion": ["7.0", "6.2"],
  "cache.nodeType": ["cache.m6g.large", "cache.r6g.xlarge"],
  "cache.memorySizeGb": [3, 6],
  "cache.replicas": [1, 2],
  "cache.sizeGb": [15, 25],
};

/** Every `section.key` of every built component's settings. */
export function settingsKeys(): string[] {
  return COMPONENT_SETTINGS.flatMap((spec) => Object.keys(spec.schema.shape).map((k) => `${spec.section}.${k}`));
}

function digest(resources: readonly RecordedResource[]): string {
  return JSON.stringify(resources.map((r) => [r.urn, r.inputs, r.protect, r.dependencies]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
}

async function planWith(stack: string, config: Record<string, string>): Promise<{ digest?: string; error?: string }> {
  const file = loadStackConfig(ROOT, stack);
  try {
    // Preview mode (as `pulumi preview`): a quarter cheaper, and a setting reaches the plan through
    // the inputs it sets, which a preview records; a value seen only through an unknown output
    // would show as "silently ignored" (a failure), never as a pass.
    const run = await runWithMocks(main, { project: file.project, stack, config, secretKeys: file.secretKeys, preview: true });
    return { digest: digest(run.resources) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** The setting's effective value on the stack (its completed settings), for picking a different one. */
function effective(stack: string, spec: SettingsSpec, key: string): unknown {
  const file = loadStackConfig(ROOT, stack);
  const config = resolveStackConfig(file.config, { stack, project: file.project });
  const { enabled: _e, buckets: _b, ...given } = ((config as unknown as Record<string, unknown>)[spec.section] ?? {}) as Record<string, unknown>;
  const done = resolveSettings(spec, given, { backend: backendFor(config.cloud), tier: config.tier });
  return done.ok ? (done.value as Record<string, unknown>)[key] : undefined;
}

const baselines = new Map<string, Promise<{ digest?: string; error?: string }>>();

/** Sets `section.key` on the stack to a different value: the plan must change, or the config must name the key. */
export async function expectNeverSilent(stack: string, sectionKey: string): Promise<void> {
  const [section, key] = sectionKey.split(".") as [string, string];
  const spec = COMPONENT_SETTINGS.find((s) => s.section === section);
  if (!spec) throw new Error(`no settings section ${section}`);
  const file = loadStackConfig(ROOT, stack);
  const current = effective(stack, spec, key);
  const value = typeof current === "boolean" ? !current : (CANDIDATES[sectionKey] ?? []).find((c) => JSON.stringify(c) !== JSON.stringify(current));
  if (value === undefined) throw new Error(`no candidate for ${sectionKey} that differs from ${JSON.stringify(current)}`);
  const full = `mlops-platform:${section}`;
  const sectionValue = { ...(file.config[full] ? (JSON.parse(file.config[full]) as Record<string, unknown>) : {}), [key]: value };
  let base = baselines.get(stack);
  if (!base) baselines.set(stack, (base = planWith(stack, file.config)));
  // Mock runs are sequential (each resets the SDK's process-wide state).
  const before = await base;
  const after = await planWith(stack, { ...file.config, [full]: JSON.stringify(sectionValue) });
  expect(before.error).toBeUndefined();
  const outcome = after.error !== undefined
    ? (after.error.includes(`${full}.${key}`) ? "rejected, naming the key" : `rejected without naming it: ${after.error}`)
    : after.digest === before.digest ? "silently ignored" : "changed the plan";
  expect({ setting: `${sectionKey}=${JSON.stringify(value)}`, outcome }).toEqual({ setting: `${sectionKey}=${JSON.stringify(value)}`, outcome: expect.stringMatching(/^(rejected, naming the key|changed the plan)$/) });
}
