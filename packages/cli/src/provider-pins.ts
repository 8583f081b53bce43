// A program planned without its own node_modules runs against the platform's provider SDKs. When
// its package.json pins another major, resource inputs and defaults may differ from what the
// program would get: the plan says so.
import fs from "node:fs";
import path from "node:path";

/** The SDKs whose major version changes resource shapes (and the SDK itself). */
export const PINNED_PACKAGES = ["@pulumi/pulumi", "@pulumi/aws", "@pulumi/gcp", "@pulumi/kubernetes", "@pulumi/awsx", "@pulumi/eks", "@pulumi/random"];

/** The major a semver range asks for (`^6.0.0`, `~5.4`, `6.x`, `>=6.1.0 <7`, `6`); undefined for tags, `*`, `workspace:`, `catalog:`. */
export function majorOfRange(range: string): number | undefined {
  const m = /^\s*(?:[~^]|>=|=)?\s*v?(\d+)(?:[.\s]|$)/.exec(range);
  return m ? Number(m[1]) : undefined;
}

/**
 * Where `pkg` is found from `fromDir` by Node's walk up the node_modules folders, or undefined.
 * Walked by hand: the plan's own require fallback (program.ts) would find the platform's copy.
 */
function findPackageJson(pkg: string, fromDir: string): string | undefined {
  for (let d = fromDir; ; d = path.dirname(d)) {
    const file = path.join(d, "node_modules", pkg, "package.json");
    if (fs.existsSync(file)) return file;
    if (path.dirname(d) === d) return undefined;
  }
}

function versionAt(packageJson: string): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(packageJson, "utf8")) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/**
 * One warning per provider SDK the program's package.json pins (dependencies or devDependencies)
 * that the program cannot load from its own node_modules and that the platform provides at a
 * different major: it names both versions.
 */
export function providerPinWarnings(programDir: string, fallbackDirs: readonly string[]): string[] {
  const pkgFile = path.join(programDir, "package.json");
  if (!fs.existsSync(pkgFile)) return [];
  let pkg: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  try {
    pkg = JSON.parse(fs.readFileSync(pkgFile, "utf8")) as typeof pkg;
  } catch {
    return [];
  }
  const declared = { ...pkg.devDependencies, ...pkg.dependencies };
  const warnings: string[] = [];
  for (const name of PINNED_PACKAGES) {
    const range = declared[name];
    const wanted = range === undefined ? undefined : majorOfRange(range);
    if (wanted === undefined || findPackageJson(name, programDir)) continue;
    const ours = fallbackDirs.map((d) => findPackageJson(name, path.dirname(d))).find((f) => f !== undefined);
    const version = ours ? versionAt(ours) : undefined;
    const have = version ? majorOfRange(version) : undefined;
    if (version === undefined || have === undefined || have === wanted) continue;
    warnings.push(
      `package.json pins ${name} ${range} (major ${wanted}), but the program has no node_modules with it and the plan loads the platform's ${name} ${version} (major ${have}): resource inputs and defaults may differ. Install the program's dependencies to plan against its own versions.`,
    );
  }
  return warnings;
}
