import type { Locale } from "../conversation/machine.js";

/** Telegram's language_code picks the first language: Hindi for hi*, English otherwise. */
export function localeFromTelegram(languageCode: string | undefined): Locale {
  return languageCode?.toLowerCase().startsWith("hi") ? "hi" : "en";
}
