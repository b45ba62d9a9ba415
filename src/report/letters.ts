import type { Content } from "../content/schema.js";
import type { ConversationContext, Locale } from "../conversation/machine.js";
import type { Copy } from "../conversation/turn.js";
import { countryOf } from "../conversation/steps.js";
import { formatReceived } from "../evidence/describe.js";
import type { EvidenceItem } from "../evidence/item.js";
import { platformOfUrl } from "../evidence/parse.js";
import type { Translate } from "../screens/render.js";
import { moneyPack } from "./money-pack.js";

/**
 * Grievance complaints (IT Rules 2021, Rule 3(2)(b)) and appeals to the Grievance Appellate Committee
 * (Rule 3A), drafted from the log on demand and never stored: the links of that platform, what the
 * content shows (chosen with buttons, never typed about the image), no consent, the request to remove
 * it and keep the records. No name, number or e-mail: she adds what the platform's form asks herself.
 */

type Link = Extract<EvidenceItem, { kind: "link" }>;
type Sent = Extract<EvidenceItem, { kind: "sent" }>;

/** The links in her log that point to this platform ("other" takes the links no known platform claims). */
export function linksFor(c: ConversationContext, platform: string): string[] {
  return c.evidence
    .filter((i): i is Link => i.kind === "link")
    .filter((i) => (platformOfUrl(i.url) ?? "other") === platform)
    .map((i) => i.url);
}

/** The latest "✓ I sent it" for this platform (a complaint or an appeal). */
export function lastSent(c: ConversationContext, platform: string, to: Sent["to"]): Sent | undefined {
  return c.evidence.filter((i): i is Sent => i.kind === "sent" && i.platform === platform && i.to === to).at(-1);
}

function linkLines(c: ConversationContext, platform: string, t: Translate): string {
  const links = linksFor(c, platform);
  return links.length > 0 ? links.map((url) => `- ${url}`).join("\n") : t("letter-links-missing");
}

function showsLine(c: ConversationContext, t: Translate): string {
  const shows = c.letter?.shows ?? [];
  if (shows.length === 0) return t("letter-shows-intimate");
  return t("letter-shows", { shows: shows.map((s) => t(`letter-show-${s}`)).join(", ") });
}

/** Someone helping writes for the person shown; everyone else writes as the person shown. */
const voice = (c: ConversationContext) => (c.role === "helper" ? "helper" : "self");

export function complaintLetter(c: ConversationContext, platform: string, t: Translate): string {
  const who = voice(c);
  return [
    t("letter-complaint-title"),
    t("letter-to", { platform: t(`platform-${platform}`) }),
    t("letter-who", { who }),
    `${t("letter-links-heading")}\n${linkLines(c, platform, t)}`,
    showsLine(c, t),
    t("letter-no-consent", { who }),
    t("letter-request"),
    t("letter-details"),
  ].join("\n\n");
}

export function appealLetter(content: Content, c: ConversationContext, platform: string, t: Translate): string {
  const sent = lastSent(c, platform, "complaint");
  const tz = countryOf(content, c.country).timeZone;
  const when = sent ? formatReceived(sent.at, c.locale, tz) : t("letter-date-missing");
  return [
    t("letter-appeal-title"),
    t("letter-appeal-complained", { platform: t(`platform-${platform}`), when }),
    `${t("letter-links-heading")}\n${linkLines(c, platform, t)}`,
    t("letter-appeal-not-removed", { who: voice(c) }),
    t("letter-appeal-request", { platform: t(`platform-${platform}`) }),
    t("letter-details"),
  ].join("\n\n");
}

/**
 * The copyable messages a turn opened, in her language and, for letters to platforms (which read
 * English), in English too. The money pack is for her to read out or paste on 1930: her language only.
 */
export function copiesFor(content: Content, c: ConversationContext, copy: Copy, translate: (l: Locale) => Translate): string[] {
  if (copy.kind === "money") {
    const pack = moneyPack(content, c, translate(c.locale));
    return pack === undefined ? [] : [pack];
  }
  const locales: Locale[] = c.locale === "en" ? ["en"] : [c.locale, "en"];
  return locales.map((l) => {
    const inLocale = { ...c, locale: l };
    return copy.kind === "complaint" ? complaintLetter(inLocale, copy.platform, translate(l)) : appealLetter(content, inLocale, copy.platform, translate(l));
  });
}
