import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { createInterface } from "node:readline";
import type { FileFingerprint } from "./conversation/turn.js";
import { LIMITS } from "./evidence/item.js";
import { sha256OfStream, TooLargeError } from "./evidence/sha256.js";
import { prepareReport } from "./report/case-report.js";
import { renderPdf } from "./report/render-pdf.js";
import { recordAcceptsImages } from "./telegram/chat-record.js";
import { commandEvent } from "./telegram/commands.js";
import { loadConversationDeps } from "./deps.js";
import type { PersonInput } from "./conversation/turn.js";
import type { Locale } from "./conversation/machine.js";
import { ChatVault } from "./privacy/chat-vault.js";
import type { RenderedScreen } from "./screens/render.js";
import { MemoryStore } from "./store/memory-store.js";
import { takeTurn } from "./telegram/take-turn.js";

/**
 * `npm run chat`: the same machine, screens and encrypted session in a terminal. No token, no
 * services. Type a number to tap a button, a /command, or anything else as a message. `/file <path>`
 * stands in for sending a file (it is fingerprinted, never copied); /report writes the same PDF the
 * bot sends to a file in the temp folder.
 */

const CHAT_ID = 1;
/** The playground's memory store cannot fail, and the terminal is no place for log lines. */
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

function pickLocale(): Locale {
  const flag = process.argv.indexOf("--lang");
  const wanted = flag >= 0 ? process.argv[flag + 1] : process.env.LANG;
  return wanted?.toLowerCase().startsWith("hi") ? "hi" : "en";
}

function show(screen: RenderedScreen, out: NodeJS.WritableStream): void {
  out.write(`\n${screen.text}\n\n`);
  let n = 1;
  for (const row of screen.buttons) out.write(`${row.map((b) => `[${n++}] ${b.label}`).join("   ")}\n`);
  out.write("\n");
}

async function chat(): Promise<void> {
  const deps = loadConversationDeps();
  const vault = new ChatVault(new MemoryStore(), randomBytes(32).toString("hex"), 72 * 3600);
  const locale = pickLocale();
  const out = process.stdout;
  let current: RenderedScreen | undefined;

  const turn = async (input: PersonInput) => {
    const result = await takeTurn({ ...deps, vault }, CHAT_ID, input, quiet);
    current = result.screen;
    show(result.screen, out);
    if (result.turn.report) {
      const context = result.turn.snapshot.context;
      const t = deps.translate(context.locale);
      const { doc, fileName, complaint } = prepareReport({ content: deps.content, context, t, now: new Date() });
      const path = join(tmpdir(), fileName);
      await writeFile(path, await renderPdf(doc));
      out.write(`[PDF] ${path}\n\n${t("complaint-message-intro")}\n\n${complaint}\n\n`);
    }
    // Complaints and the money pack: on Telegram each is a message that copies with one tap.
    for (const copy of result.copies) out.write(`----8<----\n${copy}\n----8<----\n\n`);
  };

  /** `/file <path>`: what sending a file to the bot does, from a local file. */
  const sendFile = async (path: string) => {
    const at = new Date().toISOString();
    const ext = extname(path).toLowerCase();
    const type: FileFingerprint["type"] = [".jpg", ".jpeg", ".png", ".webp", ".heic"].includes(ext) ? "photo" : [".mp4", ".mov", ".webm"].includes(ext) ? "video" : "document";
    if (type !== "document" && !recordAcceptsImages(deps.machine, (await vault.load(CHAT_ID)).data)) {
      return turn({ kind: "file", locale, at, fingerprint: undefined, refused: "minor" });
    }
    try {
      const { sha256, size } = await sha256OfStream(createReadStream(path), LIMITS.fileBytes);
      await turn({ kind: "file", locale, at, fingerprint: { sha256, size, type } });
    } catch (error) {
      await turn({ kind: "file", locale, at, fingerprint: undefined, refused: error instanceof TooLargeError ? "too-big" : "unavailable" });
    }
  };

  out.write("Not Your Fault — terminal playground. Numbers tap buttons, /help lists commands, Ctrl-D quits.\n");
  await turn({ kind: "start", locale });

  const rl = createInterface({ input: process.stdin, terminal: process.stdin.isTTY === true });
  for await (const raw of rl) {
    const line = raw.trim();
    if (!line) continue;
    const n = Number(line);
    const buttons = current?.buttons.flat() ?? [];
    if (Number.isInteger(n) && n >= 1 && n <= buttons.length) {
      await turn({ kind: "event", event: buttons[n - 1]!.event, screen: current!.id, locale });
      continue;
    }
    const command = line.startsWith("/") ? line.slice(1).split(/\s/)[0]!.toLowerCase() : undefined;
    if (command === "exit") {
      await vault.erase(CHAT_ID);
      out.write("\x1b[2J\x1b[H");
      const t = deps.translate(locale);
      out.write(`${t("exit-done")}\n${t("exit-erased")}\n`);
      current = undefined;
      continue;
    }
    if (command === "start") {
      await turn({ kind: "start", locale });
      continue;
    }
    if (command === "file") {
      await sendFile(line.slice("/file".length).trim());
      continue;
    }
    const event = command ? commandEvent(command) : undefined;
    if (event) {
      await turn({ kind: "event", event, locale });
      continue;
    }
    await turn({ kind: "text", crisis: deps.detectCrisis(line), text: line, at: new Date().toISOString(), locale });
  }
}

await chat();
