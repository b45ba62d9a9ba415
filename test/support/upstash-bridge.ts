/**
 * A local HTTP bridge that speaks the Upstash Redis REST protocol (as @upstash/redis 1.39.0 sends
 * and decodes it) and forwards every command to a real redis-server through ioredis. Test
 * infrastructure only: the real @upstash/redis client talks to it unmodified.
 *
 * Protocol (see HttpClient.request and Pipeline.exec in @upstash/redis):
 * - POST /            body ["SET","k","v"]           → {"result": ...} or 400 {"error": ...}
 * - POST /pipeline    body [["SET",...],["GET",...]] → [{"result"}|{"error"}, ...], not atomic
 * - POST /multi-exec  same shape, run inside MULTI/EXEC
 * - `Upstash-Encoding: base64` → bulk strings are base64 of the raw bytes, except "OK".
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";

export interface UpstashBridge {
  readonly url: string;
  readonly token: string;
  readonly port: number;
  /** Number of HTTP requests served (each POST counts once; a pipeline counts once). */
  requests(): number;
  /** Stop listening (and disconnect from Redis); resolves when closed. */
  close(): Promise<void>;
}

type Command = [string, ...string[]];
type Entry = { result: unknown } | { error: string };

/** A problem with the request itself, answered with this HTTP status. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Redis answered with an error reply (ioredis names these "ReplyError"), as opposed to a connection failure. */
function isReplyError(value: unknown): boolean {
  return value instanceof Error && value.name === "ReplyError";
}

/** One command: a non-empty array of strings/numbers; numbers travel as JSON numbers from the client. */
function toCommand(value: unknown): Command {
  if (!Array.isArray(value) || value.length === 0) throw new HttpError(400, "ERR command must be a non-empty array");
  return value.map((arg) => {
    if (typeof arg === "string") return arg;
    if (typeof arg === "number" || typeof arg === "boolean") return String(arg);
    throw new HttpError(400, "ERR command arguments must be strings or numbers");
  }) as Command;
}

function parseBody(raw: string, batch: boolean): Command[] {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new HttpError(400, "ERR failed to parse request body as JSON");
  }
  if (!batch) return [toCommand(body)];
  if (!Array.isArray(body) || body.length === 0) throw new HttpError(400, "ERR pipeline body must be a non-empty array of commands");
  return body.map(toCommand);
}

/** Mirrors the client's `decode`: it base64-decodes every string except a bare "OK". */
function encode(value: unknown, base64: boolean): unknown {
  if (Buffer.isBuffer(value)) {
    const text = value.toString("utf8");
    return !base64 || text === "OK" ? text : value.toString("base64");
  }
  if (Array.isArray(value)) return value.map((item) => encode(item, base64));
  if (value instanceof Error) return value.message; // an error nested in a Lua reply
  return value ?? null;
}

async function runSingle(redis: Redis, [name, ...args]: Command, base64: boolean): Promise<Entry> {
  try {
    return { result: encode(await redis.callBuffer(name, ...args), base64) };
  } catch (error) {
    if (isReplyError(error)) throw new HttpError(400, (error as Error).message);
    throw error;
  }
}

async function runBatch(redis: Redis, commands: Command[], atomic: boolean, base64: boolean): Promise<Entry[]> {
  const batch = atomic ? redis.multi() : redis.pipeline();
  for (const [name, ...args] of commands) void batch.callBuffer(name, ...args);
  let replies: [Error | null, unknown][] | null;
  try {
    replies = await batch.exec();
  } catch (error) {
    // EXECABORT: a command was rejected while queueing, so nothing ran.
    if (isReplyError(error)) throw new HttpError(400, (error as Error).message);
    throw error;
  }
  if (!replies) throw new HttpError(400, "ERR transaction aborted");
  return replies.map(([error, result]): Entry => {
    if (error && !isReplyError(error)) throw error; // connection trouble → 500 for the whole request
    return error ? { error: error.message } : { result: encode(result, base64) };
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(json) });
  res.end(json);
}

async function answer(req: IncomingMessage, redis: Redis, token: string): Promise<[number, unknown]> {
  if (req.method !== "POST") return [405, { error: "Method Not Allowed" }];
  if (req.headers.authorization !== `Bearer ${token}`) return [401, { error: "Unauthorized" }];
  const path = new URL(req.url ?? "/", "http://bridge").pathname;
  if (path !== "/" && path !== "/pipeline" && path !== "/multi-exec") return [404, { error: "Not Found" }];
  const commands = parseBody(await readBody(req), path !== "/");
  // Fail fast instead of queueing: callers must see an outage as an error, not a hang.
  if (redis.status !== "ready") return [500, { error: `Redis is not connected (${redis.status})` }];
  const base64 = req.headers["upstash-encoding"] === "base64";
  if (path === "/") return [200, await runSingle(redis, commands[0] as Command, base64)];
  return [200, await runBatch(redis, commands, path === "/multi-exec", base64)];
}

export async function startUpstashBridge(options: { redisUrl: string; token?: string; port?: number }): Promise<UpstashBridge> {
  const token = options.token ?? randomUUID();
  // RESP2 like Upstash (ioredis 6 defaults to RESP3); no offline queue so an outage errors at once.
  const redis = new Redis(options.redisUrl, { protocol: 2, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on("error", () => undefined); // reconnects on its own; requests meanwhile get a 500
  await redis.connect().catch(() => undefined); // a Redis that is down now may come up later

  let served = 0;
  const server = createServer((req, res) => {
    served += 1;
    answer(req, redis, token)
      .catch((error: unknown): [number, unknown] => {
        const status = error instanceof HttpError ? error.status : 500;
        return [status, { error: error instanceof Error ? error.message : String(error) }];
      })
      .then(([status, body]) => send(res, status, body))
      .catch(() => res.destroy()); // never let a broken socket become an unhandled rejection
  });
  server.on("clientError", (_error, socket) => socket.destroy());

  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
    });
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    port,
    requests: () => served,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // keep-alive sockets would otherwise hold close() open
        redis.disconnect();
      }),
  };
}
