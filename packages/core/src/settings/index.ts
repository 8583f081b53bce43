import type { SettingsSpec } from "../kit/settings";
import { databaseSettings } from "./database";

export * from "./database";

/** Every component's settings, one entry per config section a component reads. */
export const COMPONENT_SETTINGS: readonly SettingsSpec[] = [databaseSettings] as readonly SettingsSpec[];
