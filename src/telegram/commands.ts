import type { Api } from "grammy";
import { LOCALES, type ConversationEvent, type Locale } from "../conversation/machine.js";
import type { Logger } from "../privacy/logger.js";
import type { Translate } from "../screens/render.js";

/** The fixed command set (design.md). Descriptions live in locales as `command-<name>`. */
export const COMMANDS = ["start", "evidence", "report", "letters", "summary", "help", "helplines", "language", "privacy", "restart", "exit", "forget"] as const;
export type CommandName = (typeof COMMANDS)[number];
/** Shown in the menu only when a counselling service is connected (COUNSELLOR_CHAT_ID). */
export const COUNSEL_COMMANDS = ["talk", "end"] as const;

/**
 * Commands that are plain conversation events; /start and /exit are handled on their own.
 * /menu works when typed but is not in the registered set. design.md fixed eight commands; the
 * evidence log adds /evidence, /report and /summary, which a person needs to find in the menu.
 */
export const COMMAND_EVENTS: Readonly<Record<string, ConversationEvent>> = {
  help: { type: "HELP" },
  helplines: { type: "HELPLINES" },
  language: { type: "LANGUAGE" },
  privacy: { type: "PRIVACY" },
  restart: { type: "RESTART" },
  forget: { type: "FORGET" },
  menu: { type: "MENU" },
  evidence: { type: "LOG" },
  report: { type: "REPORT" },
  summary: { type: "SUMMARY" },
  letters: { type: "LETTERS" },
  talk: { type: "TALK" },
  end: { type: "END_TALK" },
};

/** The event a typed command stands for, if it is one of ours. */
export function commandEvent(name: string): ConversationEvent | undefined {
  return Object.hasOwn(COMMAND_EVENTS, name) ? COMMAND_EVENTS[name] : undefined;
}

/** Registers the command menu in every language (English is the default). A failure is logged, never fatal. */
export async function registerCommands(api: Api, translate: (l: Locale) => Translate, log: Logger, counselling = false): Promise<void> {
  const commands = counselling ? [...COMMANDS.slice(0, 1), ...COUNSEL_COMMANDS, ...COMMANDS.slice(1)] : [...COMMANDS];
  // English is the default menu; every other language gets its own, for Telegram's language_code.
  const scopes: [Locale, string | undefined][] = LOCALES.map((l) => [l, l === "en" ? undefined : l]);
  for (const [locale, language_code] of scopes) {
    const t = translate(locale);
    try {
      await api.setMyCommands(
        commands.map((command) => ({ command, description: t(`command-${command}`) })),
        // Our codes are ISO 639-1, which Telegram's language_code takes.
        (language_code ? { language_code } : {}) as Parameters<Api["setMyCommands"]>[1],
      );
    } catch (error) {
      log.warn({ err: error, locale }, "setMyCommands failed; commands still work when typed");
    }
  }
}
