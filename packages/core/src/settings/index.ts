import type { SettingsSpec } from "../kit/settings";
import { databaseSettings } from "./database";
import { clusterSettings } from "./cluster";
import { networkSettings } from "./network";
import { objectStoreSettings } from "./object-store";
import { cacheSettings } from "./cache";

export * from "./database";
export * from "./cluster";
export * from "./network";
export * from "./object-store";
export * from "./cache";
// Tenancy's settings span three config keys (teams, podSecurity, kubernetes.namespacePrefix): checked by config/checks.ts tenancyChecks.
export * from "./tenancy";

/** Every component's settings, one entry per config section a component reads. */
export const COMPONENT_SETTINGS: readonly SettingsSpec[] = [networkSettings, clusterSettings, databaseSettings, objectStoreSettings, cacheSettings] as readonly SettingsSpec[];
