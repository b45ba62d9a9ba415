import { readFileSync } from "node:fs";
import { join } from "node:path";
import { I18n } from "@grammyjs/i18n";
import { LOCALES, type Locale } from "../conversation/machine.js";
import type { Translate } from "../screens/render.js";

export interface Texts {
  i18n: I18n;
  /** A translator for one language. */
  forLocale(locale: Locale): Translate;
  /** Keys that were asked for but missing since start (a test fails on any). */
  missing: Set<string>;
}

/**
 * Loads `locales/<lang>.ftl` for every supported language into @grammyjs/i18n. Isolation marks are
 * off: Telegram shows them as stray characters around numbers and links.
 */
export function loadTexts(dir: string): Texts {
  const missing = new Set<string>();
  const i18n = new I18n({
    defaultLocale: "en",
    fluentBundleOptions: { useIsolating: false },
    fluentOptions: {
      warningHandler: (warning) => {
        if ("messageId" in warning) missing.add(`${warning.locales.join(",")}:${String(warning.messageId)}`);
      },
    },
  });
  for (const locale of LOCALES) {
    i18n.loadLocaleSync(locale, { source: readFileSync(join(dir, `${locale}.ftl`), "utf8") });
  }
  return {
    i18n,
    missing,
    forLocale: (locale) => (key, args) => i18n.t(locale, key, args),
  };
}
