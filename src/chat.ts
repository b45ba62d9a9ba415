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
import { recordAcceptsImages, recordContext } from "./telegram/chat-record.js";
import { commandEvent } from "./telegram/commands.js";
import { loadConversationDeps } from "./deps.js";
import type { PersonInput } from "./conversation/turn.js";
import { localeFromTelegram } from "./telegram/locale.js";
import type { Locale } from "./conversation/machine.js";
import { ChatVault } from "./privacy/chat-vault.js";
import type { RenderedScreen } from "./screens/render.js";
import { MemoryStore } from "./store/memory-store.js";
import { takeTurn } from "./telegram/take-turn.js";
import { CaseVault, newCaseCode } from "./privacy/case-vault.js";
import type { CounselSettings } from "./conversation/office-hours.js";
import { ConfigError, counselFromEnv } from "./config.js";
import { CaseDesk } from "./telegram/case-desk.js";
import { terminalRoom } from "./telegram/terminal-room.js";

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
  return localeFromTelegram(wanted);
}

function show(screen: RenderedScreen, out: NodeJS.WritableStream): void {
  out.write(`\n${screen.text}\n\n`);
  let n = 1;
  for (const row of screen.buttons) out.write(`${row.map((b) => `[${n++}] ${b.label}`).join("   ")}\n`);
  out.write("\n");
}

/**
 * The counselling service the playground simulates: COUNSELLOR_ORG, _HOURS, _TZ and _WAIT_MINUTES
 * from the environment when set (to try "closed now"), else a team that is always there.
 */
function simulatedCounsel(): CounselSettings {
  // Checked as npm start checks them; the group itself is simulated, so any well-formed id serves.
  return counselFromEnv({ ...process.env, COUNSELLOR_CHAT_ID: "-1000000000001" })!;
}

async function chat(): Promise<void> {
  const deps = loadConversationDeps();
  const store = new MemoryStore();
  const secret = randomBytes(32).toString("hex");
  const vault = new ChatVault(store, secret, 72 * 3600);
  const locale = pickLocale();
  const out = process.stdout;
  let current: RenderedScreen | undefined;
  const counsel = simulatedCounsel();
  const turnDeps = { ...deps, vault, counsel, caseCode: newCaseCode };
  const showToHer = (screen: RenderedScreen) => {
    if (screen.buttons.length > 0) current = screen;
    show(screen, out);
  };
  const counsellors = terminalRoom((line) => out.write(`\n${line}\n`), showToHer);
  const desk = new CaseDesk({ settings: counsel, vault: new CaseVault(store, secret, 72 * 3600, counsel.chatId), room: counsellors.room, her: counsellors.line, turns: turnDeps, sessionTtlSeconds: 72 * 3600, log: quiet });

  const turn = async (input: PersonInput) => {
    const result = await takeTurn(turnDeps, CHAT_ID, input, quiet);
    const talk = result.turn.talk;
    // Words passed to the counsellor need no screen (a crisis among them still gets its screen).
    if (talk?.kind !== "relay" || result.turn.crisis) {
      current = result.screen;
      show(result.screen, out);
    }
    if (talk) await desk.afterTurn(CHAT_ID, talk, result.turn.snapshot.context, input.kind === "text" && input.text ? { text: input.text } : undefined);
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
    if (command === "as-counsellor") {
      const message = counsellors.counsellorSays(line.slice("/as-counsellor".length).trim());
      if (message) await desk.fromCounsellor(message);
      else out.write("\n(no case is open: type /talk first)\n\n");
      continue;
    }
    if (command === "exit") {
      const code = recordContext((await vault.load(CHAT_ID)).data)?.caseCode;
      if (code) await desk.exit(code);
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

try {
  await chat();
} catch (error) {
  // A wrong COUNSELLOR_* is one line, as `npm start` gives it, not a stack trace.
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`not-your-fault: ${error.message}\n`);
  process.exitCode = 2;
}
