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

/**
 * Bot tokens (they appear in file URLs) and digit runs of 5 or more are scrubbed from error text.
 * Five, not six: private chat ids can be that short, and no code or line number we need is.
 */
export function scrub(message: string): string {
  return message.replace(/\d{5,}:[A-Za-z0-9_-]{20,}/g, "[token]").replace(/\d{5,}/g, "[n]");
}

/**
 * What an error may say in the log. Telegram's description is "Bad Request: <detail>", and the
 * detail can echo what was sent (a message's text, an entity, a chat id): only the part before the
 * first colon is kept. Any other error keeps its first line, cut at ": " the same way (a message
 * can span lines, and an id or a typed word can follow a colon), then scrubbed.
 */
function describe(err: Error): string {
  const description = (err as { description?: unknown }).description;
  if (typeof description === "string") return scrub(description.split(":")[0]!.trim());
  // A StoreError's text is built only from the backend, the operation and an error code (store/session-store.ts).
  if (err.name === "StoreError") return scrub(err.message.split("\n")[0]!);
  return scrub(err.message.split("\n")[0]!.split(": ")[0]!);
}

/** Only the "at …" frames of a stack: its first lines repeat the message, which may span several lines. */
function frames(stack: string): string {
  return scrub(
    stack
      .split("\n")
      .filter((line) => /^\s+at /.test(line))
      .slice(0, 5)
      .join("\n"),
  );
}

/** Errors are reduced to their kind, code, method and a cut, scrubbed description: grammY errors carry the payload. */
function serializeError(err: unknown): Record<string, unknown> {
  // "detail", not "message": redaction removes any field called message (a Telegram message).
  if (!(err instanceof Error)) return { detail: scrub(String(err).split("\n")[0]!.split(": ")[0]!) };
  const out: Record<string, unknown> = { type: err.name, detail: describe(err) };
  const code = (err as { error_code?: unknown }).error_code;
  if (typeof code === "number") out.code = code;
  const method = (err as { method?: unknown }).method;
  if (typeof method === "string") out.method = method;
  if (err.stack) out.stack = frames(err.stack);
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
