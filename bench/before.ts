/**
 * "The commit before": a checkout of the bot as it was before issue 15 (compiled build, lazy
 * report, one Fluent bundle per language, the tap's answer in the webhook reply), measured in the
 * same run as the working tree, so the ratios hold whatever the machine is doing that day.
 *
 * The checkout is `git archive <commit>` into node_modules/.cache/nyf-bench/ with its own
 * `npm ci` (its dependencies differ: tsx at run time, @grammyjs/i18n). Made once, reused by
 * later runs. BENCH_BEFORE=<commit> measures against another commit; BENCH_BEFORE=none skips it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The last commit before issue 15's first change (eae8df1). */
export const BEFORE_COMMIT = "2ac8cf138cde11803ec27cd0d4420f483a7eaee0";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface Before {
  commit: string;
  dir: string;
}

/** The checkout, made if needed; undefined (with the reason) when it can't be had here. */
export function beforeCheckout(): Before | { skipped: string } {
  const wanted = process.env.BENCH_BEFORE ?? BEFORE_COMMIT;
  if (wanted === "none") return { skipped: "BENCH_BEFORE=none" };
  let commit: string;
  // Already prepared for this exact commit: no need to ask git (a copy of the tree may have no .git).
  if (/^[0-9a-f]{40}$/.test(wanted) && existsSync(join(ROOT, "node_modules", ".cache", "nyf-bench", `before-${wanted.slice(0, 12)}`, ".ready"))) {
    return { commit: wanted, dir: join(ROOT, "node_modules", ".cache", "nyf-bench", `before-${wanted.slice(0, 12)}`) };
  }
  try {
    commit = execFileSync("git", ["rev-parse", "--verify", `${wanted}^{commit}`], { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    return { skipped: `commit ${wanted} not in this repository` };
  }
  const dir = join(ROOT, "node_modules", ".cache", "nyf-bench", `before-${commit.slice(0, 12)}`);
  const ready = join(dir, ".ready");
  if (existsSync(ready)) return { commit, dir };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  process.stderr.write(`bench: preparing the commit before (${commit.slice(0, 7)}) in ${dir} (once)…\n`);
  const archive = spawnSync("sh", ["-c", `git archive ${commit} | tar -x -C "${dir}"`], { cwd: ROOT, encoding: "utf8" });
  if (archive.status !== 0) return { skipped: `git archive failed: ${archive.stderr.trim()}` };
  const install = spawnSync("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });
  if (install.status !== 0) return { skipped: `npm ci in the checkout failed: ${(install.stderr || install.stdout).trim().split("\n").slice(-3).join(" | ")}` };
  writeFileSync(ready, `${new Date().toISOString()}\n`);
  return { commit, dir };
}
