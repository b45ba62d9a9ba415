/**
 * The small-host runtime settings (scripts/runtime-env.mjs) are the same in the three places that
 * carry them: package.json's start script, the Dockerfile's ENV, and the module the bench uses.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RUNTIME_ENV } from "../../scripts/runtime-env.mjs";
import { REPO_ROOT } from "../support/bot-process.js";

describe("small-host runtime settings", () => {
  const start = (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
  const dockerfile = readFileSync(join(REPO_ROOT, "Dockerfile"), "utf8");

  it("npm start sets each one unless it is set already, then runs node itself (exec)", () => {
    for (const [name, value] of Object.entries(RUNTIME_ENV)) expect(start).toContain(`${name}="\${${name}:-${value}}"`);
    expect(start).toMatch(/exec node scripts\/launch\.mjs$/);
  });

  it("the image sets the same", () => {
    // The ENV instruction: its first line and the continued ones (ending in a backslash).
    const lines = dockerfile.split("\n");
    const first = lines.findIndex((l) => l.startsWith("ENV NODE_OPTIONS="));
    expect(first).toBeGreaterThanOrEqual(0);
    let last = first;
    while (lines[last]!.endsWith("\\")) last++;
    const env = lines.slice(first, last + 1).join("\n");
    expect(env).toContain(`NODE_OPTIONS="${RUNTIME_ENV.NODE_OPTIONS}"`);
    expect(env).toContain(`UV_THREADPOOL_SIZE=${RUNTIME_ENV.UV_THREADPOOL_SIZE}`);
    expect(env).toContain(`MALLOC_ARENA_MAX=${RUNTIME_ENV.MALLOC_ARENA_MAX}`);
  });

  it("npm start leaves an operator's own value alone", async () => {
    const { spawnSync } = await import("node:child_process");
    const script = start.replace(/exec node scripts\/launch\.mjs$/, "exec env");
    const mine = spawnSync("sh", ["-c", script], { env: { PATH: process.env.PATH, NODE_OPTIONS: "--max-old-space-size=512" }, encoding: "utf8" }).stdout;
    expect(mine).toContain("NODE_OPTIONS=--max-old-space-size=512\n");
    expect(mine).toContain(`UV_THREADPOOL_SIZE=${RUNTIME_ENV.UV_THREADPOOL_SIZE}\n`);
    const defaults = spawnSync("sh", ["-c", script], { env: { PATH: process.env.PATH }, encoding: "utf8" }).stdout;
    expect(defaults).toContain(`NODE_OPTIONS=${RUNTIME_ENV.NODE_OPTIONS}\n`);
  });
});
