/**
 * What a small host feels: cold start, memory, and Bot API calls per tap, measured on real bot
 * processes (webhook mode, loopback, a fake Bot API in this process, STORE=memory so that only the
 * bot's own cost is counted).
 *
 *   - cold start: from spawning the process to the HTTP answer to its first update (/start,
 *     answered with a sendMessage), for `node dist/main.js`, `npm start` (the same, behind npm),
 *     the TypeScript through tsx, the serverless bundle in a fresh process (bench/serverless-host.mjs),
 *     and the commit before (tsx, as its `npm start` ran). Median of a few starts each.
 *   - memory (Linux /proc): RSS once started and idle (the crisis check built: CRISIS_CHECK_DELAY_MS
 *     after start, +2 s); after 10 /report PDFs; and once the report
 *     worker has been idle long enough to stop (WORKER_IDLE_MS).
 *   - calls per tap: Bot API HTTP requests per button tap, and how many answers went back in the
 *     webhook's HTTP response instead.
 *
 * `node --import tsx bench/footprint.ts` prints the numbers on their own.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";

import { fileURLToPath, pathToFileURL } from "node:url";
import type { Update } from "grammy/types";
import { WORKER_IDLE_MS } from "../src/report/pdf-renderer.js";
import { encodeButton } from "../src/telegram/callback-data.js";
import { startFakeBotApi, type FakeBotApi } from "../test/support/fake-bot-api.js";
import { freePort } from "../test/support/redis.js";
import { beforeCheckout } from "./before.js";
import { CRISIS_CHECK_DELAY_MS } from "../src/app.js";
import { RUNTIME_ENV } from "../scripts/runtime-env.mjs";
import { median } from "./updates.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SECRET = "bench_footprint_3e8a1c6f9b2d5e0a7c4f1b8e3a6d9c2f5b0e7a4d1c8f3b6e9a2d5c0f7b4e1a8d";
const PSEUDONYM_SECRET = "a3c8e1f6b9d2a5c0e7f4b1d8a3c6e9f2b5d0a7c4e1f8b3d6a9c2e5f0b7d4a1c8";

export interface Launch {
  label: string;
  cwd: string;
  /** The command, and whether `pid` is the bot itself (RSS can be read) or a launcher (npm). */
  command: string[];
  botIsPid: boolean;
  serverless?: boolean;
  /** Environment beyond the bot's settings: production's runtime settings for the compiled server. */
  env?: Record<string, string>;
}

export function launches(beforeDir?: string): Launch[] {
  const node = process.execPath;
  const list: Launch[] = [
    // As the image runs it (Dockerfile: CMD node dist/main.js, ENV from scripts/runtime-env.mjs).
    { label: "compiled (node dist/main.js)", cwd: ROOT, command: [node, "dist/main.js"], botIsPid: true, env: { ...RUNTIME_ENV } },
    // package.json's start script sets the same settings itself.
    { label: "npm start (compiled)", cwd: ROOT, command: ["npm", "start", "--silent"], botIsPid: false },
    { label: "tsx (node --import tsx src/main.ts)", cwd: ROOT, command: [node, "--import", "tsx", "src/main.ts"], botIsPid: true },
    { label: "serverless bundle (dist/serverless.mjs)", cwd: ROOT, command: [node, "bench/serverless-host.mjs", "dist/serverless.mjs"], botIsPid: true, serverless: true },
  ];
  if (beforeDir) list.push({ label: "commit before, tsx (its npm start)", cwd: beforeDir, command: [node, "--import", "tsx", "src/main.ts"], botIsPid: true });
  return list;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resident set size of a process, MB (Linux), or NaN. */
export function rssMb(pid: number | undefined): number {
  try {
    const kb = Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
    return Math.round((kb / 1024) * 10) / 10;
  } catch {
    return NaN;
  }
}

function post(port: number, body: object): Promise<{ status: number; body: string }> {
  const data = JSON.stringify(body);
  return new Promise((resolve) => {
    const req = request(
      { host: "127.0.0.1", port, path: "/tg", method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data), "x-telegram-bot-api-secret-token": SECRET } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", () => resolve({ status: 0, body: "" }));
      },
    );
    req.on("error", () => resolve({ status: 0, body: "" }));
    req.end(data);
  });
}

let updateId = 700_000_000;
const from = (chat: number) => ({ id: chat, is_bot: false, first_name: "Bench", language_code: "en" });
function command(chat: number, name: string): Update {
  const text = `/${name}`;
  return { update_id: ++updateId, message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat: { id: chat, type: "private", first_name: "Bench" }, from: from(chat), text, entities: [{ type: "bot_command", offset: 0, length: text.length }] } };
}
function tap(chat: number, data: string): Update {
  return {
    update_id: ++updateId,
    callback_query: { id: `fp-${updateId}`, from: from(chat), chat_instance: `ci-${chat}`, data, message: { message_id: 2, date: Math.floor(Date.now() / 1000), chat: { id: chat, type: "private", first_name: "Bench" }, text: "…" } as never },
  };
}

interface Running {
  child: ChildProcess;
  port: number;
  api: FakeBotApi;
  output: string[];
  stop(): Promise<void>;
}

function start(launch: Launch, api: FakeBotApi, port: number): Running {
  const env: Record<string, string> = {};
  for (const key of ["PATH", "HOME", "TMPDIR", "LANG", "TZ"]) if (process.env[key] !== undefined) env[key] = process.env[key];
  Object.assign(env, {
    BOT_TOKEN: "123456:bench-footprint-token",
    TELEGRAM_API_ROOT: api.apiRoot,
    WEBHOOK_URL: `http://127.0.0.1:${port}/tg`,
    WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    STORE: "memory",
    NODE_ENV: "production",
    PSEUDONYM_SECRET,
    LOG_LEVEL: "error",
    npm_config_update_notifier: "false",
    ...launch.env,
  });
  const [cmd, ...args] = launch.command;
  const child = spawn(cmd!, args, { cwd: launch.cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: !launch.botIsPid });
  const output: string[] = [];
  child.stdout.on("data", (c: Buffer) => output.push(c.toString()));
  child.stderr.on("data", (c: Buffer) => output.push(c.toString()));
  const exited = new Promise((r) => child.once("exit", r));
  return {
    child,
    port,
    api,
    output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (launch.botIsPid) child.kill("SIGTERM");
      else process.kill(-child.pid!, "SIGTERM");
      const timer = setTimeout(() => (launch.botIsPid ? child.kill("SIGKILL") : process.kill(-child.pid!, "SIGKILL")), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Posts /start until the process answers it; ms from spawn to that answer. */
async function firstAnswer(run: Running, spawnedAt: number, chat: number): Promise<number> {
  const deadline = spawnedAt + 30_000;
  for (;;) {
    if (run.child.exitCode !== null) throw new Error(`exited before answering: ${run.output.join("").slice(-500)}`);
    if (performance.now() > deadline) throw new Error(`no answer in 30 s: ${run.output.join("").slice(-500)}`);
    const { status } = await post(run.port, command(chat, "start"));
    if (status === 200) {
      const answered = performance.now() - spawnedAt;
      if (!run.api.calls.some((c) => c.method === "sendMessage" && Number(c.body.chat_id) === chat)) throw new Error("answered 200 without a sendMessage");
      return answered;
    }
    await sleep(status === 0 ? 2 : 10);
  }
}

export interface ColdStart {
  label: string;
  /** Median ms from spawn to the answer to the first update. */
  ms: number;
  runs: number[];
  /** RSS once answered and idle for 2 s (MB); NaN behind a launcher. */
  idle_rss_mb: number;
}

/** Cold start and idle RSS of each launch, `rounds` fresh processes each (interleaved). */
export async function measureColdStarts(list: Launch[], rounds = 3): Promise<ColdStart[]> {
  const runs = new Map(list.map((l) => [l.label, [] as number[]]));
  const idle = new Map(list.map((l) => [l.label, [] as number[]]));
  for (let r = 0; r < rounds; r++) {
    for (const launch of list) {
      const api = await startFakeBotApi();
      const port = await freePort();
      const spawnedAt = performance.now();
      const run = start(launch, api, port);
      try {
        runs.get(launch.label)!.push(await firstAnswer(run, spawnedAt, 31_000 + r));
        // Idle = once everything a start does is done: the crisis check too (built CRISIS_CHECK_DELAY_MS after start).
        await sleep(CRISIS_CHECK_DELAY_MS + 2000);
        if (launch.botIsPid) idle.get(launch.label)!.push(rssMb(run.child.pid));
      } finally {
        await run.stop();
        await api.close();
      }
    }
  }
  return list.map((l) => ({ label: l.label, ms: median(runs.get(l.label)!), runs: runs.get(l.label)!.map((x) => Math.round(x)), idle_rss_mb: idle.get(l.label)!.length ? median(idle.get(l.label)!) : NaN }));
}

export interface Footprint {
  label: string;
  idle_rss_mb: number;
  /** Right after the 10th report (the worker still up). */
  rss_after_10_reports_mb: number;
  /** Once the report worker has been idle for WORKER_IDLE_MS (+2 s). */
  rss_after_reports_idle_mb: number;
  reports_sent: number;
  taps: number;
  /** Bot API HTTP requests per tap (the edit, and the answer unless it went in the webhook reply). */
  bot_api_calls_per_tap: number;
  /** Tap answers carried in the webhook's HTTP response, per tap. */
  webhook_replies_per_tap: number;
}

/**
 * One long-lived process per launch: taps (calls per tap), 10 reports (RSS), then the idle wait.
 * Returns once the reports are done; `idle` resolves after the worker's idle time.
 */
export async function measureFootprint(launch: Launch): Promise<{ now: Omit<Footprint, "rss_after_reports_idle_mb">; idle: Promise<Footprint> }> {
  const api = await startFakeBotApi();
  const port = await freePort();
  const run = start(launch, api, port);
  const chat = 41_000;
  try {
    await firstAnswer(run, performance.now(), chat);
    await sleep(CRISIS_CHECK_DELAY_MS + 2000);
    const idleRss = rssMb(run.child.pid);
    // Taps: into the conversation, then platform toggles (each an edit of the same screen).
    const walk = [
      encodeButton("welcome", { type: "BEGIN" }),
      encodeButton("safety", { type: "SAFE" }),
      encodeButton("incident", { type: "CHOOSE", value: "sextortion" }),
      encodeButton("age", { type: "CHOOSE", value: "adult" }),
      ...Array.from({ length: 16 }, () => encodeButton("platforms", { type: "TOGGLE", value: "instagram" })),
    ];
    const callsBefore = api.calls.length;
    let replies = 0;
    for (const data of walk) {
      const edits = api.calls.filter((c) => c.method === "editMessageText").length;
      const answer = await post(port, tap(chat, data));
      if (answer.status !== 200) throw new Error(`tap answered ${answer.status}`);
      if (answer.body.includes('"method"')) replies++;
      // The webhook answers as soon as the tap is answered; the edit may follow: wait for it.
      for (let i = 0; i < 400 && api.calls.filter((c) => c.method === "editMessageText").length === edits; i++) await sleep(5);
    }
    await sleep(100);
    const tapCalls = api.calls.length - callsBefore;
    // Reports: /report 10 times (the log is empty: the PDF still renders every section).
    const docsBefore = api.calls.filter((c) => c.method === "sendDocument").length;
    for (let i = 0; i < 10; i++) {
      const answer = await post(port, command(chat, "report"));
      if (answer.status !== 200) throw new Error(`/report answered ${answer.status}`);
    }
    const reports = api.calls.filter((c) => c.method === "sendDocument").length - docsBefore;
    const now = {
      label: launch.label,
      idle_rss_mb: idleRss,
      rss_after_10_reports_mb: rssMb(run.child.pid),
      reports_sent: reports,
      taps: walk.length,
      bot_api_calls_per_tap: Math.round((tapCalls / walk.length) * 100) / 100,
      webhook_replies_per_tap: Math.round((replies / walk.length) * 100) / 100,
    };
    const idle = sleep(WORKER_IDLE_MS + 2000).then(async () => {
      const rss = rssMb(run.child.pid);
      await run.stop();
      await api.close();
      return { ...now, rss_after_reports_idle_mb: rss };
    });
    return { now, idle };
  } catch (error) {
    await run.stop();
    await api.close();
    throw error;
  }
}

export interface FootprintResult {
  cold_starts: ColdStart[];
  after: Footprint;
  before?: Footprint;
  before_commit?: string;
  before_skipped?: string;
}

/** dist/ as `npm start` would leave it (built when missing or older than src/). */
export function buildIfStale(): void {
  const build = spawnSync(process.execPath, ["scripts/build.mjs", "--if-stale", "--quiet"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) throw new Error("npm run build failed");
}

/** Everything above; the idle waits of both sides overlap. `beforeDir` from bench/before.ts. */
export async function measureAll(before: { commit: string; dir: string } | { skipped: string }): Promise<{ coldStarts: ColdStart[]; finish: Promise<FootprintResult> }> {
  buildIfStale();
  const beforeDir = "dir" in before ? before.dir : undefined;
  const list = launches(beforeDir);
  const coldStarts = await measureColdStarts(list);
  const after = await measureFootprint(list[0]!);
  const beforeRun = beforeDir ? await measureFootprint(list.at(-1)!) : undefined;
  const finish = Promise.all([after.idle, beforeRun?.idle]).then(([a, b]) => ({
    cold_starts: coldStarts,
    after: a,
    ...(b ? { before: b } : {}),
    ...("commit" in before ? { before_commit: before.commit } : { before_skipped: before.skipped }),
  }));
  return { coldStarts, finish };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { finish } = await measureAll(beforeCheckout());
  console.log(JSON.stringify(await finish, null, 2));

}
