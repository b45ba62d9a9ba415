import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { LOCALES, type Locale } from "../conversation/machine.js";
import type { Translate } from "../screens/render.js";

export interface Texts {
  /** A translator for one language (the same function every time it is asked for). */
  forLocale: (locale: Locale) => Translate;
  /** Keys that were asked for but missing since start (a test fails on any). */
  missing: Set<string>;
}

/** The language every other one falls back to, key by key. */
const DEFAULT_LOCALE: Locale = "en";

/**
 * Loads `locales/<lang>.ftl` for every supported language: one Fluent bundle per language, made
 * once. A translator goes straight to its own bundle, then to English for a key its language
 * lacks (recorded in `missing`); no language negotiation per string, which @grammyjs/i18n did on
 * every call (a quarter of a tap's CPU with the key derivation, by the issue-15 profile).
 * Isolation marks are off: Telegram shows them as stray characters around numbers and links.
 */
export function loadTexts(dir: string): Texts {
  const missing = new Set<string>();
  const bundles = new Map<Locale, FluentBundle>();
  for (const locale of LOCALES) {
    // Latin digits in every language (Bengali and Marathi would otherwise get their own in variables,
    // beside the Latin ones the texts write: "112", "18"); plural rules are unchanged by -u-nu-latn.
    const bundle = new FluentBundle(`${locale}-u-nu-latn`, { useIsolating: false });
    const errors = bundle.addResource(new FluentResource(readFileSync(join(dir, `${locale}.ftl`), "utf8")), { allowOverrides: true });
    if (errors.length > 0) throw new Error(`${join(dir, `${locale}.ftl`)}: ${errors.map((e) => e.message).join("; ")}`);
    bundles.set(locale, bundle);
  }
  const fallback = bundles.get(DEFAULT_LOCALE)!;

  const translators = new Map<Locale, Translate>();
  for (const locale of LOCALES) {
    const own = bundles.get(locale)!;
    const chain = own === fallback ? [own] : [own, fallback];
    translators.set(locale, (path, args) => {
      const dot = path.indexOf(".");
      const id = dot < 0 ? path : path.slice(0, dot);
      const attribute = dot < 0 ? undefined : path.slice(dot + 1);
      for (const bundle of chain) {
        const message = bundle.getMessage(id);
        const pattern = attribute === undefined ? (message?.value ?? (message ? "" : undefined)) : message?.attributes[attribute];
        if (pattern === undefined) {
          missing.add(`${locale}:${id}`);
          continue;
        }
        // Without an errors list, formatPattern throws on the first error (a missing variable),
        // as @grammyjs/i18n's translate did.
        return bundle.formatPattern(pattern, args);
      }
      return `{${path}}`;
    });
  }
  return {
    missing,
    forLocale: (locale) => translators.get(locale) ?? translators.get(DEFAULT_LOCALE)!,
  };
}
