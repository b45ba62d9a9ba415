import { pino, type DestinationStream, type Logger } from "pino";

/**
 * The one root logger. Log lines name a handler, an update id, a short pseudonym tag and error
 * codes — never a user id, chat id, username, name or message text. Redaction is a second net
 * under that rule: anything that looks like Telegram data is removed before it is written.
 */

const REDACT_PATHS = [
  "update",
  "message",
  "msg.text",
  "from",
  "chat",
  "text",
  "caption",
  "payload",
  "username",
  "first_name",
  "last_name",
  "chat_id",
  "user_id",
  "user",
  "*.update",
  "*.message",
  "*.from",
  "*.chat",
  "*.text",
  "*.caption",
  "*.payload",
  "*.username",
  "*.first_name",
  "*.last_name",
  "*.chat_id",
  "*.user_id",
  "*.user",
];

/** Bot tokens (they appear in file URLs) and long digit runs (ids) are scrubbed from error text. */
export function scrub(message: string): string {
  return message.replace(/\d{5,}:[A-Za-z0-9_-]{20,}/g, "[token]").replace(/\d{6,}/g, "[n]");
}

/** Errors are reduced to their kind, code and a scrubbed message: grammY errors carry the payload. */
function serializeError(err: unknown): Record<string, unknown> {
  // "detail", not "message": redaction removes any field called message (a Telegram message).
  if (!(err instanceof Error)) return { detail: scrub(String(err)) };
  const out: Record<string, unknown> = { type: err.name, detail: scrub(err.message) };
  const code = (err as { error_code?: unknown }).error_code;
  if (typeof code === "number") out.code = code;
  const method = (err as { method?: unknown }).method;
  if (typeof method === "string") out.method = method;
  if (err.stack) out.stack = scrub(err.stack.split("\n").slice(1, 6).join("\n"));
  return out;
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: REDACT_PATHS, remove: true },
      serializers: { err: serializeError, error: serializeError },
    },
    destination,
  );
}

export type { Logger };
