// Whether a workspace package's build output is all there (scripts/toolchain.mjs). Plain Node.
import fs from "node:fs";
import path from "node:path";

function exportTargets(exp) {
  if (typeof exp === "string") return [exp];
  if (exp === null || typeof exp !== "object") return [];
  return Object.values(exp).flatMap(exportTargets);
}

/**
 * The packages (of `dirs`, relative to `root`) whose build output is gone: a deleted lib/, a
 * deleted entry point. Their tsc build info, main, bin and exports targets under lib/ must exist.
 * `tsc -b` trusts its build info and would not restore a deleted file, so an incomplete
 * package's build info is removed too: the next `tsc -b` rebuilds it.
 */
export function incompleteBuilds(root, dirs) {
  const incomplete = [];
  for (const d of dirs) {
    const dir = path.join(root, d);
    if (!fs.existsSync(path.join(dir, "tsconfig.json")) || !fs.existsSync(path.join(dir, "package.json"))) continue;
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    const bins = typeof pkg.bin === "string" ? [pkg.bin] : Object.values(pkg.bin ?? {});
    const targets = ["lib/.tsbuildinfo", pkg.main, ...bins, ...exportTargets(pkg.exports)]
      .filter((t) => typeof t === "string")
      .map((t) => t.replace(/^\.\//, ""))
      .filter((t) => t.startsWith("lib/"));
    if (targets.some((t) => !fs.existsSync(path.join(dir, t)))) {
      incomplete.push(d);
      fs.rmSync(path.join(dir, "lib", ".tsbuildinfo"), { force: true });
    }
  }
  return incomplete;
}
