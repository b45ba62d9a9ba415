import { GrammyError, type Api } from "grammy";
import type { Message } from "grammy/types";
import { LIMITS, type FileType } from "../evidence/item.js";
import { sha256OfStream, TooLargeError } from "../evidence/sha256.js";

/**
 * Fingerprints a file a person sent (SHA-256 and size) by streaming it from Telegram through the hash.
 * The bytes are never written to disk, never held whole, never logged, never forwarded.
 *
 * The download URL carries the bot token (`/file/bot<token>/<path>`), so nothing that could hold it
 * leaves this module: every failure becomes a {@link FingerprintError} with a fixed message and no
 * `cause` (fetch's errors and grammY's HttpError can embed the URL).
 */

/** A file in a message that can go into the evidence log. The file name is never read: it can carry a name. */
export interface IncomingFile {
  type: FileType;
  fileId: string;
  size?: number;
  mime?: string;
}

/** The file in `msg` worth fingerprinting, if any: photos, videos, animations (GIFs) and documents. */
export function incomingFile(msg: Message): IncomingFile | undefined {
  const photo = msg.photo?.at(-1); // Telegram lists sizes smallest first.
  if (photo) return { type: "photo", fileId: photo.file_id, size: photo.file_size, mime: "image/jpeg" };
  if (msg.video) return { type: "video", fileId: msg.video.file_id, size: msg.video.file_size, mime: msg.video.mime_type };
  // Before document: Telegram sets `document` on animations too.
  if (msg.animation) return { type: "animation", fileId: msg.animation.file_id, size: msg.animation.file_size, mime: msg.animation.mime_type };
  if (msg.document) return { type: "document", fileId: msg.document.file_id, size: msg.document.file_size, mime: msg.document.mime_type };
  return undefined;
}

export type FingerprintFailure = "too-big" | "unavailable";

const MESSAGES: Record<FingerprintFailure, string> = {
  "too-big": "The file is larger than a bot can download.",
  unavailable: "The file could not be fetched from Telegram.",
};

/** Why a file could not be fingerprinted. The message is fixed: it never carries a URL, token or file path. */
export class FingerprintError extends Error {
  constructor(readonly reason: FingerprintFailure) {
    super(MESSAGES[reason]);
    this.name = "FingerprintError";
  }
}

export interface FingerprintOptions {
  token: string;
  /** As given to grammY, e.g. "https://api.telegram.org". */
  apiRoot: string;
  fileId: string;
  /** The size the message reported, when it did: a file known to be too big is not asked for. */
  knownSize?: number;
  /** Default {@link LIMITS.fileBytes}, what Telegram lets a bot download. */
  maxBytes?: number;
  /** For getFile and the download together. Default 60 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export async function fingerprintFile(api: Api, options: FingerprintOptions): Promise<{ sha256: string; size: number }> {
  const maxBytes = options.maxBytes ?? LIMITS.fileBytes;
  if (options.knownSize !== undefined && options.knownSize > maxBytes) throw new FingerprintError("too-big");
  const abort = new AbortController();
  const signal = AbortSignal.any([abort.signal, AbortSignal.timeout(options.timeoutMs ?? 60_000)]);
  try {
    return await download(api, options, maxBytes, signal);
  } catch (error) {
    // Deliberately no `cause`: the caught error may quote the download URL, and with it the token.
    throw new FingerprintError(error instanceof FingerprintError ? error.reason : error instanceof TooLargeError ? "too-big" : "unavailable");
  } finally {
    // Whatever happened, nothing more is read: an early exit closes the connection.
    abort.abort();
  }
}

async function download(api: Api, options: FingerprintOptions, maxBytes: number, signal: AbortSignal): Promise<{ sha256: string; size: number }> {
  let path: string | undefined;
  try {
    // grammY types its signal as the abort-controller shim's; a native one works the same.
    const file = await api.getFile(options.fileId, signal as Parameters<Api["getFile"]>[1]);
    if (file.file_size !== undefined && file.file_size > maxBytes) throw new FingerprintError("too-big");
    path = file.file_path;
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 400 && /file is too big/i.test(error.description)) throw new FingerprintError("too-big");
    throw error;
  }
  if (!path) throw new FingerprintError("unavailable");

  const response = await (options.fetch ?? fetch)(`${options.apiRoot}/file/bot${options.token}/${path}`, { signal });
  const body = response.body;
  if (!response.ok || !body) {
    await body?.cancel().catch(() => undefined);
    throw new FingerprintError("unavailable");
  }
  const length = Number(response.headers.get("content-length") ?? NaN);
  if (length > maxBytes) {
    await body.cancel().catch(() => undefined);
    throw new FingerprintError("too-big");
  }
  return sha256OfStream(chunks(body), maxBytes);
}

/** A body's chunks; stopping early (too big) cancels the body, which ends the download. */
async function* chunks(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
  }
}
