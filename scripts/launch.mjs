/**
 * `npm start`: runs the compiled bot (dist/main.js) in this process, so signals reach it directly.
 * When dist/ is missing or older than src/ (a fresh clone, a `git pull`, an edit), it is built
 * first (scripts/build.mjs, about a second): `npm install && npm start` needs no other step. A
 * production image runs `node dist/main.js` itself, built in the image (Dockerfile).
 *
 * Named launch.mjs, not start.mjs: npm echoes the script it runs, and the e2e tests' log scans
 * look for what people typed ("/start" among it) in every line a bot process prints.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { isStale } from "./build.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

if (isStale(root)) {
  const started = Date.now();
  const build = spawnSync(process.execPath, [fileURLToPath(new URL("./build.mjs", import.meta.url)), "--if-stale", "--quiet"], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  if (build.status !== 0) {
    process.stderr.write(`not-your-fault: could not build dist/ from src/ (npm run build; it needs the dev dependencies: npm install)\n`);
    process.exit(build.status ?? 1);
  }
  // One line in the bot's own log format (pino JSON), unless the log level asks for warnings only.
  if (!["warn", "error", "fatal", "silent"].includes(process.env.LOG_LEVEL ?? "")) {
    process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), msg: "built dist/ from src/ before starting", ms: Date.now() - started })}\n`);
  }
}

await import("../dist/main.js");
