import type { SettingsSpec } from "../kit/settings";
import { databaseSettings } from "./database";
import { clusterSettings } from "./cluster";
import { networkSettings } from "./network";

export * from "./database";
export * from "./cluster";
export * from "./network";

/** Every component's settings, one entry per config section a component reads. */
export const COMPONENT_SETTINGS: readonly SettingsSpec[] = [networkSettings, clusterSettings, databaseSettings] as readonly SettingsSpec[];
