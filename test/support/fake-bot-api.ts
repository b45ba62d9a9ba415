/**
 * A minimal Bot API server on loopback for tests and benchmarks that need a real HTTP peer but not
 * the emulator's chat model: it answers every method with a plausible `ok` result and records each
 * call. `delayMs` can hold a method's answer (an update "in flight"); `fail` can answer with a
 * Telegram error instead.
 */
import { createServer, type Server } from "node:http";

export interface FakeCall {
  method: string;
  body: Record<string, unknown>;
  at: number;
}

export interface FakeBotApi {
  /** Pass as TELEGRAM_API_ROOT. */
  readonly apiRoot: string;
  readonly calls: FakeCall[];
  /** Calls of one method, in order. */
  callsOf(method: string): FakeCall[];
  /** Hold answers to `method` for `ms` from now on (0 to stop holding). */
  delay(method: string, ms: number): void;
  /** Answer the next `times` calls of `method` with this error (a function: made from the call's body, as Telegram echoes what was sent). */
  fail(method: string, error: FakeError | ((body: Record<string, unknown>) => FakeError), times?: number): void;
  close(): Promise<void>;
}

export interface FakeError {
  error_code: number;
  description: string;
  parameters?: Record<string, unknown>;
}

export const FAKE_BOT_INFO = {
  id: 424242,
  is_bot: true,
  first_name: "Not Your Fault (test)",
  username: "nyf_fake_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
};

export interface FakeBotApiOptions {
  /** Keep every call in `calls` (default true); a benchmark sending thousands turns it off. */
  record?: boolean;
  /** Sees every call as it arrives, recorded or not (for counting without keeping). */
  observe?: (method: string, body: Record<string, unknown>) => void;
}

export async function startFakeBotApi(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const record = options.record ?? true;
  const calls: FakeCall[] = [];
  const delays = new Map<string, number>();
  const failures = new Map<string, { error: FakeError | ((body: Record<string, unknown>) => FakeError); times: number }>();
  let messageId = 1000;

  const result = (method: string, body: Record<string, unknown>): unknown => {
    if (method === "getMe") return FAKE_BOT_INFO;
    if (method === "getUpdates") return [];
    if (method === "sendMessage" || method === "editMessageText") {
      const chat = { id: Number(body.chat_id), type: "private" };
      return { message_id: method === "sendMessage" ? ++messageId : Number(body.message_id), date: Math.floor(Date.now() / 1000), chat, text: body.text };
    }
    return true;
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const method = (req.url ?? "").split("/").pop()?.split("?")[0] ?? "";
      let body: Record<string, unknown> = {};
      try {
        const raw = Buffer.concat(chunks).toString("utf8");
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        body = {};
      }
      options.observe?.(method, body);
      if (record) calls.push({ method, body, at: Date.now() });
      const answer = () => {
        const failing = failures.get(method);
        if (failing && failing.times > 0) {
          failing.times--;
          const error = typeof failing.error === "function" ? failing.error(body) : failing.error;
          res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: false, ...error }));
          return;
        }
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result: result(method, body) }));
      };
      const wait = delays.get(method) ?? 0;
      if (wait > 0) setTimeout(answer, wait);
      else answer();
    });
  });
  // Many benchmark connections at once: do not let Node's defaults throttle the peer.
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method),
    delay: (method, ms) => void delays.set(method, ms),
    fail: (method, error, times = 1) => void failures.set(method, { error, times }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
