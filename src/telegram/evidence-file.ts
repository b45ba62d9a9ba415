import type { PersonInput } from "../conversation/turn.js";
import type { Locale } from "../conversation/machine.js";
import { recordAcceptsImages } from "./chat-record.js";
import type { BotContext } from "./context.js";
import { FingerprintError, fingerprintFile, incomingFile } from "./file-fingerprint.js";
import type { TurnDeps } from "./take-turn.js";

export interface FileDeps extends TurnDeps {
  token: string;
  apiRoot: string;
}

/** Pictures and videos, or a file that doesn't say what it is: never read for someone under 18. */
function mayShowSomeone(type: string, mime: string | undefined): boolean {
  return type !== "document" || !mime || /^(image|video)\//.test(mime);
}

/**
 * A photo, video or document sent to the bot, turned into a turn: its SHA-256 and size, read once
 * as it streams from Telegram and then gone — never written to disk, stored, logged or forwarded.
 * Someone who said they are under 18 is never asked to share an image, so theirs is not opened.
 */
export async function fileInput(ctx: BotContext, deps: FileDeps, locale: Locale): Promise<PersonInput | undefined> {
  const file = ctx.message ? incomingFile(ctx.message) : undefined;
  if (!file) return undefined;
  const at = new Date(ctx.message!.date * 1000).toISOString();

  // With the store out of reach nothing could be kept, and we couldn't tell whether they said they
  // are under 18: don't open the file at all.
  if (ctx.opened && "unreachable" in ctx.opened) return { kind: "file", locale, at, fingerprint: undefined, refused: "unavailable" };
  if (mayShowSomeone(file.type, file.mime)) {
    // The gate already read the session for this update.
    if (!recordAcceptsImages(deps.machine, ctx.opened && "data" in ctx.opened ? ctx.opened.data : undefined)) {
      // Not "why": a log line should not say which session belongs to a child.
      ctx.log.info("file not opened");
      return { kind: "file", locale, at, fingerprint: undefined, refused: "minor" };
    }
  }

  const started = performance.now();
  await ctx.replyWithChatAction("typing").catch(() => undefined);
  try {
    const { sha256, size } = await fingerprintFile(ctx.api, { token: deps.token, apiRoot: deps.apiRoot, fileId: file.fileId, ...(file.size !== undefined ? { knownSize: file.size } : {}) });
    // The type and time only: never the hash, the name or the size of someone's file in a log.
    ctx.log.info({ type: file.type, ms: Math.round(performance.now() - started) }, "file fingerprinted");
    return { kind: "file", locale, at, fingerprint: { sha256, size, type: file.type, ...(file.mime ? { mime: file.mime.slice(0, 100) } : {}) } };
  } catch (error) {
    const reason = error instanceof FingerprintError ? error.reason : "unavailable";
    ctx.log.info({ type: file.type, reason }, "file not fingerprinted");
    return { kind: "file", locale, at, fingerprint: undefined, refused: reason };
  }
}
