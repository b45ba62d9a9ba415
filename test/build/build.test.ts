/**
 * The build (scripts/build.mjs) and `npm start` (scripts/launch.mjs): the compiled server answers,
 * the PDF worker is found from dist/, a checkout without dist/ builds before it starts, and the
 * serverless file works alone, with no node_modules or flows/ beside it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { REPO_ROOT, TEST_PSEUDONYM_SECRET } from "../support/bot-process.js";
import { startFakeBotApi, type FakeBotApi } from "../support/fake-bot-api.js";
import { freePort } from "../support/redis.js";

const SECRET = "build_test_9f2c5a8e1b4d7f0a3c6e9b2d5f8a1c4e7b0d3f6a9c2e5b8d1f4a7c0e3b6d9f2a";
const person = (chat: number) => ({ id: chat, is_bot: false, first_name: "Rhea", language_code: "en" });
let id = 10;
const command = (chat: number, name: string): Update => ({
  update_id: ++id,
  message: { message_id: id, date: Math.floor(Date.now() / 1000), chat: { id: chat, type: "private", first_name: "Rhea" }, from: person(chat), text: `/${name}`, entities: [{ type: "bot_command", offset: 0, length: name.length + 1 }] },
});

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** dist/ as npm start would leave it. */
function buildIfStale(cwd = REPO_ROOT): void {
  const run = spawnSync(process.execPath, ["scripts/build.mjs", "--if-stale", "--quiet"], { cwd, encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
}

interface Bot {
  child: ChildProcess;
  port: number;
  output: () => string;
  post: (update: Update) => Promise<number>;
  stop: () => Promise<void>;
}

async function launch(cwd: string, args: string[], api: FakeBotApi, extraEnv: Record<string, string> = {}): Promise<Bot> {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    BOT_TOKEN: "123456:build-test",
    TELEGRAM_API_ROOT: api.apiRoot,
    WEBHOOK_URL: `http://127.0.0.1:${port}/tg`,
    WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    STORE: "memory",
    NODE_ENV: "test",
    PSEUDONYM_SECRET: TEST_PSEUDONYM_SECRET,
    LOG_LEVEL: "info",
    ...extraEnv,
  };
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr.on("data", (c: Buffer) => (out += c.toString()));
  const exited = new Promise((r) => child.once("exit", r));
  const post = async (update: Update) => {
    const res = await fetch(`http://127.0.0.1:${port}/tg`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET }, body: JSON.stringify(update) }).catch(() => undefined);
    return res?.status ?? 0;
  };
  // Up when it answers health checks (the serverless host has no /healthz: any answer will do).
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited: ${out}`);
    if (Date.now() > deadline) throw new Error(`not up in 60 s: ${out}`);
    const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
    if (res) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    port,
    output: () => out,
    post,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

describe("the compiled server (dist/main.js)", () => {
  let api: FakeBotApi;
  let bot: Bot;
  beforeAll(async () => {
    buildIfStale();
    api = await startFakeBotApi();
    bot = await launch(REPO_ROOT, ["dist/main.js"], api);
  }, 120_000);
  afterAll(async () => {
    await bot?.stop();
    await api?.close();
  });

  it("is plain ASCII, so V8 holds it at one byte a character (every file in dist/)", () => {
    for (const name of readdirSync(join(REPO_ROOT, "dist")).filter((n) => /\.m?js$/.test(n))) {
      const text = readFileSync(join(REPO_ROOT, "dist", name), "latin1");
      const at = text.search(/\P{ASCII}/u);
      expect(at, `${name}: ${text.slice(Math.max(0, at - 60), at + 20)}`).toBe(-1);
    }
  });

  it("carries neither the content nor the crisis model in its code: it reads them (dist/content.json at start, the model with the crisis check), so their text is not held in memory as part of its source", () => {
    const model = JSON.parse(readFileSync(join(REPO_ROOT, "flows", "crisis-model.json"), "utf8")) as { weights: string };
    const content = readFileSync(join(REPO_ROOT, "dist", "content.json"), "utf8");
    expect(JSON.parse(content)).toHaveProperty("crisis");
    for (const name of readdirSync(join(REPO_ROOT, "dist")).filter((n) => /\.js$/.test(n))) {
      const code = readFileSync(join(REPO_ROOT, "dist", name), "latin1").replaceAll("\\\n", "");
      expect(code.includes(model.weights.slice(0, 64)), `${name} holds the model`).toBe(false);
      expect(code.includes('"incidents":'), `${name} holds the content`).toBe(false);
    }
    // The serverless file reads no files: both are inside it (its long strings cut into lines with
    // a backslash at each line's end, as the build's lineLimit does, so those are joined first).
    const serverless = readFileSync(join(REPO_ROOT, "dist", "serverless.mjs"), "latin1").replaceAll("\\\n", "");
    expect(serverless.includes(model.weights.slice(0, 64))).toBe(true);
  });

  it("answers /start, with flows/ and locales/ found from dist/", async () => {
    expect(await bot.post(command(7_001, "start"))).toBe(200);
    expect(api.callsOf("sendMessage").some((c) => Number(c.body.chat_id) === 7_001)).toBe(true);
  });

  it("renders /report on its worker thread, found beside dist/main.js", async () => {
    expect(await bot.post(command(7_002, "start"))).toBe(200);
    expect(await bot.post(command(7_002, "report"))).toBe(200);
    expect(api.callsOf("sendDocument")).toHaveLength(1);
    const rendered = bot.output().split("\n").find((l) => l.includes('"report rendered"'));
    expect(rendered, bot.output()).toBeDefined();
    expect(JSON.parse(rendered!)).toMatchObject({ worker: true });
  });
});

describe("npm start in a checkout without dist/ (scripts/launch.mjs)", () => {
  it("builds first, then starts; a later edit to src/ makes it build again", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nyf-fresh-"));
    temps.push(dir);
    for (const part of ["src", "flows", "locales", "scripts", "package.json", "package-lock.json"]) cpSync(join(REPO_ROOT, part), join(dir, part), { recursive: true });
    symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"));
    const { isStale } = (await import(pathToFileURL(join(dir, "scripts", "build.mjs")).href)) as { isStale: (root: string) => boolean };
    expect(existsSync(join(dir, "dist"))).toBe(false);
    expect(isStale(dir)).toBe(true);

    const api = await startFakeBotApi();
    const bot = await launch(dir, ["scripts/launch.mjs"], api);
    try {
      expect(existsSync(join(dir, "dist", "main.js"))).toBe(true);
      expect(bot.output()).toContain("built dist/ from src/ before starting");
      expect(await bot.post(command(7_003, "start"))).toBe(200);
      expect(api.callsOf("sendMessage")).toHaveLength(1);
    } finally {
      await bot.stop();
      await api.close();
    }
    expect(isStale(dir)).toBe(false);
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, "src", "main.ts"), later, later);
    expect(isStale(dir)).toBe(true);
  }, 120_000);
});

describe("the serverless file (dist/serverless.mjs)", () => {
  it("works alone: no node_modules, flows/ or locales/ beside it", async () => {
    buildIfStale();
    const dir = mkdtempSync(join(tmpdir(), "nyf-serverless-"));
    temps.push(dir);
    cpSync(join(REPO_ROOT, "dist", "serverless.mjs"), join(dir, "serverless.mjs"));
    cpSync(join(REPO_ROOT, "bench", "serverless-host.mjs"), join(dir, "host.mjs"));
    const api = await startFakeBotApi();
    const bot = await launch(dir, ["host.mjs", "serverless.mjs"], api);
    try {
      expect(await bot.post(command(7_004, "start"))).toBe(200);
      expect(api.callsOf("sendMessage")).toHaveLength(1);
      expect(api.callsOf("sendMessage")[0]!.body.text).toEqual(expect.any(String));
    } finally {
      await bot.stop();
      await api.close();
    }
  }, 120_000);
});
