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
export const TEST_PSEUDONYM_SECRET = "e2e-test-pseudonym-secret-0123456789abcdef";

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
}

export interface BotProcess {
  readonly pid: number | undefined;
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

const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Never leave a polling bot behind if a test run dies.
  process.once("exit", () => {
    for (const child of live) child.kill("SIGKILL");
  });
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
  const overrides = new Map(Object.entries(options.env ?? {}));
  const finalEnv = Object.fromEntries(
    [...Object.entries(env).filter(([k]) => !overrides.has(k)), ...overrides.entries()].filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );

  // tsx 4 registers itself as an ESM loader with `--import tsx` (Node ≥ 20.6): one process, so
  // signals reach the bot directly (with `npx tsx` they would go to a wrapper first).
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd,
    env: finalEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);

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
    if (!info) child.kill("SIGKILL");
    return (await waitExit(5_000)) ?? { code: null, signal: "SIGKILL" };
  };

  return {
    pid: child.pid,
    lines: () => [...lines],
    output: () => lines.map((l) => l.text).join("\n"),
    exitInfo: () => info,
    exited,
    exitedMessage: () => (info ? `The bot process has exited.\n${describe()}` : undefined),
    describe,
    async stop(timeoutMs = 10_000) {
      if (info) return { ...info, graceful: true };
      child.kill("SIGTERM");
      const result = await waitExit(timeoutMs);
      if (result) return { ...result, graceful: true };
      return { ...(await kill()), graceful: false };
    },
    kill,
  };
}
