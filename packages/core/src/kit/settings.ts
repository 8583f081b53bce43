import { z } from "zod";
import type { Backend, Tier } from "../platform";
import { show, zodIssues, type SettingIssue } from "./issues";

/** What a component's settings depend on besides themselves. */
export interface SettingsContext {
  backend: Backend;
  tier: Tier;
}

/**
 * A component's settings, declared once: the zod schema is both the component's plain args and
 * its section of the stack config (`mlops-platform:<section>`), so a limit and its message exist
 * in one place. `complete` fills in every default (from the component's own tier table) and
 * `check` holds the rules that span keys or depend on the backend; the config resolver and the
 * component run the same two functions.
 */
export interface SettingsSpec<S extends z.ZodObject = z.ZodObject, C = unknown> {
  /** The stack-config section: `database` reads `mlops-platform:database`. */
  readonly section: string;
  readonly schema: S;
  /** The section also carries `enabled` (read by the registry, not by the component). */
  readonly toggle: boolean;
  /** Every default filled in. Pure. */
  complete(given: z.output<S>, ctx: SettingsContext): C;
  /** Cross-key and backend rules over the completed settings; `given` tells what the user set. */
  check(complete: C, given: z.output<S>, ctx: SettingsContext): SettingIssue[];
  /** Settings a backend cannot honour, with the reason: setting one there is rejected, not ignored. */
  readonly noEffect: Readonly<Partial<Record<Backend, Readonly<Record<string, string>>>>>;
}

export type Settings<T extends SettingsSpec> = z.output<T["schema"]>;
export type CompleteSettings<T extends SettingsSpec> = ReturnType<T["complete"]>;

/**
 * Declares a component's settings. `C` must carry every key of the schema (a key the component
 * would never read is a compile error, not a silently dropped value).
 */
export function defineSettings<S extends z.ZodObject, C extends { [K in keyof z.output<S>]-?: unknown }>(spec: {
  section: string;
  schema: S;
  toggle?: boolean;
  complete(given: z.output<S>, ctx: SettingsContext): C;
  check?(complete: C, given: z.output<S>, ctx: SettingsContext): SettingIssue[];
  noEffect?: Partial<Record<Backend, Partial<Record<keyof z.output<S> & string, string>>>>;
}): SettingsSpec<S, C> {
  const toggle = spec.toggle ?? false;
  return {
    section: spec.section,
    schema: spec.schema,
    toggle,
    complete: spec.complete,
    check: spec.check ?? (() => []),
    noEffect: (spec.noEffect ?? {}) as SettingsSpec<S, C>["noEffect"],
  };
}

/** Parses, completes and checks settings: the completed value, or every issue found. */
export function resolveSettings<S extends z.ZodObject, C>(
  spec: SettingsSpec<S, C>,
  given: unknown,
  ctx: SettingsContext,
): { ok: true; value: C } | { ok: false; issues: SettingIssue[] } {
  const parsed = spec.schema.safeParse(given ?? {});
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error, given, spec.schema) };
  const value = spec.complete(parsed.data, ctx);
  const issues = spec.check(value, parsed.data, ctx);
  for (const [key, why] of Object.entries(spec.noEffect[ctx.backend] ?? {})) {
    const v = (parsed.data as Record<string, unknown>)[key];
    if (v !== undefined) issues.push({ path: [key], value: v, message: `${show(v)} is not allowed on ${ctx.backend}: it has no effect there (${why}); remove it` });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}

/** The keys of a settings schema: what a component picks out of its flat args. */
export function settingsKeys(spec: SettingsSpec): string[] {
  return Object.keys(spec.schema.shape);
}
