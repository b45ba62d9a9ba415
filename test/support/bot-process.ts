/**
 * Runs the bot as a child process (`node --import tsx src/main.ts`) for end-to-end tests and
 * keeps every line it prints (pino JSON logs on stdout, anything on stderr) for later scans,
 * e.g. "no Telegram id, username, name or typed text ever reaches a log line".
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** ≥ 32 chars, obviously fake. */
// Production refuses hand-made secrets: this one is `openssl rand -hex 32` output, like a real one.
export const TEST_PSEUDONYM_SECRET = "5c0f1e7a2b9d4c8e6f3a1b0d9c8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e";

export interface LogLine {
  stream: "stdout" | "stderr";
  text: string;
  /** The parsed JSON object when the line is JSON (pino), else undefined. */
  json: Record<string, unknown> | undefined;
  at: number;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BotProcessOptions {
  /** Emulator URL, passed as TELEGRAM_API_ROOT. */
  apiRoot: string;
  /** Passed as BOT_TOKEN. */
  token: string;
  /** Entry file, relative to `cwd`; default `src/main.ts`. */
  entry?: string;
  /** Working directory; default the repo root. */
  cwd?: string;
  /** Extra or overriding environment variables (undefined removes one). */
  env?: Record<string, string | undefined>;
  /**
   * How to launch: "node" (default) runs `node --import tsx <entry>` — one process, signals reach
   * the bot directly; "npm" runs `npm start` exactly as the README says (npm → sh → tsx → node).
   * "npm" starts its own process group and `stop()`/`kill()` signal the whole group, so that no
   * process of the chain outlives the test even if one link does not forward a signal.
   */
  launcher?: "node" | "npm";
}

export interface BotProcess {
  /** The spawned process (with launcher "npm": npm itself, leader of its own process group). */
  readonly pid: number | undefined;
  /** True when the process was started in its own process group (launcher "npm"). */
  readonly detached: boolean;
  /** Every line printed so far, in order. */
  lines(): LogLine[];
  /** All output as one string (for substring scans). */
  output(): string;
  /** Set once the process has exited. */
  exitInfo(): ExitInfo | undefined;
  /** Resolves when the process exits. */
  readonly exited: Promise<ExitInfo>;
  /** A fail-fast check for `emulator.addFailFast`: a message once the bot has exited. */
  exitedMessage(): string | undefined;
  /** The last lines of output, for error messages. */
  describe(maxLines?: number): string;
  /**
   * SIGTERM, then wait up to `timeoutMs` (default 10 s) for the exit; SIGKILL if it is still alive.
   * Resolves with how it ended; `graceful` is false when SIGKILL was needed.
   */
  stop(timeoutMs?: number): Promise<ExitInfo & { graceful: boolean }>;
  /** SIGKILL now and wait (bounded) for the exit. */
  kill(): Promise<ExitInfo>;
}

const live = new Map<ChildProcess, boolean>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Never leave a polling bot behind if a test run dies.
  process.once("exit", () => {
    for (const [child, detached] of live) signal(child, detached, "SIGKILL");
  });
}

/** Sends a signal to the child, or to its whole process group when it leads one. */
function signal(child: ChildProcess, detached: boolean, sig: NodeJS.Signals): void {
  if (detached && child.pid !== undefined) {
    try {
      process.kill(-child.pid, sig);
      return;
    } catch {
      // The group is gone already (ESRCH): fall through to the child itself.
    }
  }
  child.kill(sig);
}

/** Environment passed through from the test process; nothing else leaks in (no real tokens). */
const PASS_THROUGH = ["PATH", "HOME", "TMPDIR", "LANG", "TZ", "SYSTEMROOT"] as const;

export function startBot(options: BotProcessOptions): BotProcess {
  installExitHook();
  const cwd = options.cwd ?? REPO_ROOT;
  const entry = options.entry ?? "src/main.ts";

  const env: Record<string, string> = {};
  for (const key of PASS_THROUGH) {
    const v = process.env[key];
    if (v !== undefined) env[key] = v;
  }
  Object.assign(env, {
    BOT_TOKEN: options.token,
    TELEGRAM_API_ROOT: options.apiRoot,
    STORE: "memory",
    NODE_ENV: "test",
    PSEUDONYM_SECRET: TEST_PSEUDONYM_SECRET,
    LOG_LEVEL: "info",
  });
  // npm's own chatter ("New major version of npm available") would land on stderr and in the scans.
  if (options.launcher === "npm") Object.assign(env, { npm_config_update_notifier: "false", npm_config_fund: "false" });
  const overrides = new Map(Object.entries(options.env ?? {}));
  const finalEnv = Object.fromEntries(
    [...Object.entries(env).filter(([k]) => !overrides.has(k)), ...overrides.entries()].filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );

  // tsx 4 registers itself as an ESM loader with `--import tsx` (Node ≥ 20.6): one process, so
  // signals reach the bot directly (with `npx tsx` they would go to a wrapper first).
  // `npm start` is a chain (npm → sh -c "tsx src/main.ts" → tsx's CLI → node): it gets its own
  // process group, and every signal goes to the whole group. The script's entry is package.json's.
  const detached = options.launcher === "npm";
  const child = detached
    ? spawn(process.platform === "win32" ? "npm.cmd" : "npm", ["start"], {
        cwd,
        env: finalEnv,
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      })
    : spawn(process.execPath, ["--import", "tsx", entry], {
        cwd,
        env: finalEnv,
        stdio: ["ignore", "pipe", "pipe"],
      });
  live.set(child, detached);

  const lines: LogLine[] = [];
  const collect = (stream: "stdout" | "stderr"): void => {
    let buffer = "";
    const source = child[stream];
    source.setEncoding("utf8");
    const push = (text: string): void => {
      if (text.length === 0) return;
      let json: Record<string, unknown> | undefined;
      if (text.startsWith("{")) {
        try {
          const parsed: unknown = JSON.parse(text);
          if (typeof parsed === "object" && parsed !== null) json = parsed as Record<string, unknown>;
        } catch {
          json = undefined;
        }
      }
      lines.push({ stream, text, json, at: Date.now() });
    };
    source.on("data", (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        push(buffer.slice(0, nl).replace(/\r$/, ""));
        buffer = buffer.slice(nl + 1);
      }
    });
    source.on("end", () => {
      push(buffer);
      buffer = "";
    });
  };
  collect("stdout");
  collect("stderr");

  let info: ExitInfo | undefined;
  const exited = new Promise<ExitInfo>((resolve) => {
    const done = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (info) return;
      info = { code, signal };
      live.delete(child);
      resolve(info);
    };
    // 'close' fires after the stdio streams ended, so every line has been collected by then.
    child.once("close", done);
    child.once("error", (err) => {
      lines.push({ stream: "stderr", text: `spawn error: ${err.message}`, json: undefined, at: Date.now() });
      done(null, null);
    });
  });

  const describe = (maxLines = 40): string => {
    const tail = lines.slice(-maxLines).map((l) => `  [${l.stream}] ${l.text}`);
    const shown = String(tail.length);
    const status = info
      ? `bot process exited (code ${String(info.code)}, signal ${String(info.signal)})`
      : `bot process running (pid ${String(child.pid)})`;
    return `${status}; last ${shown} of ${String(lines.length)} output lines:\n${tail.join("\n") || "  (no output)"}`;
  };

  const waitExit = async (timeoutMs: number): Promise<ExitInfo | undefined> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => {
        resolve(undefined);
      }, timeoutMs);
    });
    try {
      return await Promise.race([exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  const kill = async (): Promise<ExitInfo> => {
    if (!info) signal(child, detached, "SIGKILL");
    return (await waitExit(5_000)) ?? { code: null, signal: "SIGKILL" };
  };

  return {
    pid: child.pid,
    detached,
    lines: () => [...lines],
    output: () => lines.map((l) => l.text).join("\n"),
    exitInfo: () => info,
    exited,
    exitedMessage: () => (info ? `The bot process has exited.\n${describe()}` : undefined),
    describe,
    async stop(timeoutMs = 10_000) {
      if (info) return { ...info, graceful: true };
      signal(child, detached, "SIGTERM");
      const result = await waitExit(timeoutMs);
      if (result) return { ...result, graceful: true };
      return { ...(await kill()), graceful: false };
    },
    kill,
  };
}
