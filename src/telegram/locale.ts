import { LOCALES, type Locale } from "../conversation/machine.js";

/**
 * Telegram's language_code picks a new chat's first language: one of ours when its primary subtag
 * is (hi, bn, mr, te, ta, en), English otherwise. An existing chat keeps the language it chose.
 */
export function localeFromTelegram(languageCode: string | undefined): Locale {
  const primary = languageCode?.toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(primary ?? "") ? (primary as Locale) : "en";
}
