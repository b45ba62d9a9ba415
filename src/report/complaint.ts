import type { Content } from "../content/schema.js";
import type { ConversationContext } from "../conversation/machine.js";
import { applicableLaws, countryOf, reportingRoutes } from "../conversation/steps.js";
import { formatWhen, moneyDetails, timeline } from "../evidence/describe.js";
import type { EvidenceItem } from "../evidence/item.js";
import { translateText, type Translate } from "../screens/render.js";
import { casePlatforms } from "../screens/case-summary.js";
import { inline, text } from "../screens/screen.js";

/**
 * The complaint text: ready to paste into cybercrime.gov.in's "incident details" (or read out to
 * the police), written in the first person from what they chose and logged. It names no one: a
 * name or number appears only if they typed it into their log themselves.
 */

/** Entries of one kind the complaint lists before pointing to the PDF for the rest. */
const LISTED = 5;

function listed<T>(items: readonly T[], show: (item: T) => string, t: Translate): string[] {
  const shown = items.slice(0, LISTED).map((i) => `- ${show(i)}`);
  if (items.length > LISTED) shown.push(`- ${t("complaint-more", { count: items.length - LISTED })}`);
  return shown;
}

/** Laws grouped by Act: "Information Technology Act, 2000: sections 66E, 67". */
export function lawsByAct(content: Content, c: ConversationContext): { act: string; sections: string[] }[] {
  const acts: { act: string; sections: string[] }[] = [];
  for (const law of applicableLaws(content, c)) {
    const entry = acts.find((a) => a.act === law.act) ?? acts[acts.push({ act: law.act, sections: [] }) - 1]!;
    entry.sections.push(law.section);
  }
  return acts;
}

export function complaintText(content: Content, c: ConversationContext, t: Translate): string {
  const tz = countryOf(content, c.country).timeZone;
  const of = <K extends EvidenceItem["kind"]>(kind: K) => c.evidence.filter((i): i is Extract<EvidenceItem, { kind: K }> => i.kind === kind);
  const platforms = casePlatforms(c);
  const paragraphs: string[] = [t(`complaint-opening-${c.incident ?? "other"}`)];
  if (c.age === "minor") paragraphs.push(t("complaint-minor"));
  if (c.age === "was-minor") paragraphs.push(t("complaint-was-minor"));
  if (platforms.length > 0) {
    paragraphs.push(translateText(text("complaint-platforms", { platforms: inline(platforms.map((p) => text(`platform-${p}`))) }), t));
  }

  const dated = timeline(of("date"), tz) as Extract<EvidenceItem, { kind: "date" }>[];
  if (dated.length > 0) {
    paragraphs.push([t("complaint-timeline"), ...listed(dated, (d) => (d.what ? `${formatWhen(d.when, c.locale)}: ${d.what}` : formatWhen(d.when, c.locale)), t)].join("\n"));
  }
  const links = of("link");
  if (links.length > 0) paragraphs.push([t("complaint-links"), ...listed(links, (l) => l.url, t)].join("\n"));
  const handles = of("handle");
  if (handles.length > 0) paragraphs.push([t("complaint-handles"), ...listed(handles, (h) => h.handle, t)].join("\n"));
  const money = of("money");
  if (money.length > 0) {
    paragraphs.push([t("complaint-money"), ...listed(money, (m) => moneyDetails(m, c.locale) || (m.what ?? ""), t)].join("\n"));
  }
  const files = of("file");
  if (files.length > 0) paragraphs.push(t("complaint-files", { count: files.length }));

  const acts = lawsByAct(content, c);
  if (acts.length > 0) {
    const sections = acts.map((a) => t("complaint-act", { act: a.act, sections: a.sections.join(", "), count: a.sections.length }));
    paragraphs.push(t("complaint-laws", { laws: sections.join("; ") }));
  } else {
    const routes = reportingRoutes(content, c);
    if (routes.length > 0) paragraphs.push(t("complaint-where", { routes: routes.map((r) => t(`route-${r.id}`)).join("; ") }));
  }
  // "The evidence listed above" only when something is listed above.
  const listedAny = dated.length + links.length + handles.length + money.length + files.length > 0;
  // Anyone who said a child may be in the images was told to keep no images: the request says so.
  const childImages = c.age === "minor" || c.age === "was-minor" || c.age === "unsure";
  paragraphs.push(t(childImages ? "complaint-request-minor" : listedAny ? "complaint-request" : "complaint-request-unlisted"));
  return paragraphs.join("\n\n");
}
