import type { SettingsSpec } from "../kit/settings";
import { databaseSettings } from "./database";
import { clusterSettings } from "./cluster";

export * from "./database";
export * from "./cluster";

/** Every component's settings, one entry per config section a component reads. */
export const COMPONENT_SETTINGS: readonly SettingsSpec[] = [clusterSettings, databaseSettings] as readonly SettingsSpec[];
