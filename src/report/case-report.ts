import type { Content, Helpline } from "../content/schema.js";
import type { ConversationContext } from "../conversation/machine.js";
import { applicableLaws, countryOf, reportingRoutes } from "../conversation/steps.js";
import { formatDay, formatNumber, formatReceived, formatWhen, moneyDetails, timeline } from "../evidence/describe.js";
import type { EvidenceItem } from "../evidence/item.js";
import { translateText, type Translate } from "../screens/render.js";
import { caseSummary } from "../screens/case-summary.js";
import { sinceText } from "../screens/since.js";
import { certificateSections } from "./certificate.js";
import { complaintText } from "./complaint.js";
import { moneyPackParts } from "./money-pack.js";
import type { Block, ReportDocument, ReportSection } from "./report-document.js";

/**
 * The person's report, put into words in their language: what happened, the timeline of their
 * log with file fingerprints, the laws that may apply, the complaint text, where to file it and
 * who can help; in India, with files logged, a draft section 63 certificate as an appendix.
 * Pure (no grammY, no I/O): `npm run chat` and the bot render the same document.
 */

export interface ReportInput {
  content: Content;
  context: ConversationContext;
  t: Translate;
  now: Date;
}


/** What one item says, in words, for the timeline. */
function itemDetail(item: EvidenceItem, c: ConversationContext, t: Translate): string {
  const label = t(`report-kind-${item.kind}`);
  switch (item.kind) {
    case "link":
      return `${label}: ${item.url}`;
    case "handle":
      return `${label}: ${item.handle}`;
    case "date":
      return `${label}: ${formatWhen(item.when, c.locale)}${item.what ? ` — ${item.what}` : ""}`;
    case "money": {
      const details = moneyDetails(item, c.locale);
      return `${label}: ${[details, item.what].filter(Boolean).join(" — ")}`;
    }
    case "note":
      return `${label}: ${item.text}`;
    case "file":
      return `${label}: ${t(`report-file-type-${item.type}`)}, ${t("report-bytes", { bytes: formatNumber(item.size, c.locale) })}\nSHA-256 ${item.sha256}`;
    case "sent":
      return `${t(`report-kind-sent-${item.to}`, { platform: t(`platform-${item.platform}`) })}${c.now ? ` (${translateText(sinceText(item.at, c.now), t)})` : ""}`;
  }
}

function contactOf(entry: { phone?: string | undefined; url?: string | undefined }): string {
  return [entry.phone, entry.url].filter(Boolean).join(" · ");
}

function lineEntry(line: Helpline, t: Translate): string {
  return `${t(`line-${line.id}`)}: ${contactOf(line)} — ${t(`line-${line.id}-about`)}`;
}

/** `complaint` is the complaint text when the caller already has it (it also sends it as a message). */
export function buildReport({ content, context: c, t, now }: ReportInput, complaint = complaintText(content, c, t)): ReportDocument {
  const country = countryOf(content, c.country);
  const tz = country.timeZone;
  const ordered = timeline(c.evidence, tz);
  // Numbers follow the log (what /evidence shows), so "item 3" means the same thing everywhere.
  const number = (item: EvidenceItem) => c.evidence.indexOf(item) + 1;
  const sections: ReportSection[] = [];

  const summary = caseSummary(content, c).lines.map((line) => translateText(line, t));
  sections.push({ heading: t("report-what-heading"), blocks: [{ kind: "list", items: summary }] });

  const timelineBlocks: Block[] =
    ordered.length === 0
      ? [{ kind: "paragraph", text: t("report-timeline-empty") }]
      : [
          { kind: "paragraph", text: t("report-timeline-intro", { zone: tz }) },
          {
            kind: "fields",
            rows: ordered.map((item) => [
              t("report-item-label", { n: number(item), received: formatReceived(item.at, c.locale, tz) }),
              itemDetail(item, c, t),
            ]),
          },
        ];
  sections.push({ heading: t("report-timeline-heading"), blocks: timelineBlocks });

  const files = c.evidence.filter((i): i is Extract<EvidenceItem, { kind: "file" }> => i.kind === "file");
  if (files.length > 0) {
    sections.push({
      heading: t("report-files-heading"),
      blocks: [
        { kind: "paragraph", text: t("report-files-intro") },
        ...files.map((f): Block => ({
          kind: "mono",
          text: `#${number(f)} · ${t(`report-file-type-${f.type}`)}${f.mime ? ` (${f.mime})` : ""} · ${t("report-bytes", { bytes: formatNumber(f.size, c.locale) })} · ${formatReceived(f.at, c.locale, tz)}\nSHA-256 ${f.sha256}`,
        })),
        { kind: "paragraph", text: t("report-files-check") },
      ],
    });
  }

  // The money pack (for 1930): every payment or demand, then what to do now; none without money items.
  const pack = moneyPackParts(content, c, t);
  if (pack) {
    sections.push({
      heading: pack.title,
      blocks: [
        { kind: "paragraph", text: pack.intro },
        ...pack.entries.map((text): Block => ({ kind: "boxed", text })),
        { kind: "subheading", text: pack.heading },
        { kind: "list", items: pack.advice },
      ],
    });
  }

  const laws = applicableLaws(content, c);
  sections.push({
    heading: t("report-laws-heading"),
    blocks:
      laws.length > 0
        ? [
            { kind: "paragraph", text: t("report-laws-intro") },
            { kind: "fields", rows: laws.map((l) => [t("report-law-label", { act: l.act, section: l.section }), t(`law-${l.id}`)]) },
          ]
        : [{ kind: "paragraph", text: t("report-laws-elsewhere") }],
  });

  sections.push({
    heading: t("report-complaint-heading"),
    blocks: [
      { kind: "paragraph", text: t(c.country === "in" ? "report-complaint-how-in" : "report-complaint-how") },
      { kind: "boxed", text: complaint },
    ],
  });

  const routes = reportingRoutes(content, c);
  if (routes.length > 0) {
    sections.push({
      heading: t("report-where-heading"),
      blocks: [
        {
          kind: "list",
          items: routes.map((r) => {
            const contact = contactOf(r);
            return `${t(`route-${r.id}`)}${contact ? `: ${contact}` : ""} — ${t(`route-${r.id}-asks`).replace(/\s+/g, " ").trim()}`;
          }),
        },
      ],
    });
  }

  const lineIds = [...new Set([...country.emergency, ...country.crisis, ...country.support])];
  const lines = lineIds.map((id) => content.helplines.find((h) => h.id === id)).filter((h): h is Helpline => h !== undefined);
  sections.push({
    heading: t("report-helplines-heading"),
    blocks: [{ kind: "list", items: lines.map((l) => lineEntry(l, t).replace(/\s+/g, " ").trim()) }, { kind: "paragraph", text: t("report-not-alone") }],
  });

  // The appendix: a draft section 63 certificate, on pages of its own (certificate.ts).
  sections.push(...certificateSections(c, t, number));

  return {
    locale: c.locale,
    title: t("report-title"),
    intro: [t("report-prepared", { date: formatDay(now, c.locale, tz) }), t("report-intro")],
    sections,
    // The renderer fills in the page numbers; Fluent only places them in the sentence.
    footer: t("report-footer", { page: "{page}", pages: "{pages}" }),
    createdAt: now,
  };
}

/** A file name that says nothing about what is inside, for a phone someone else may see. */
export function reportFileName(now: Date): string {
  return `notes-${now.toISOString().slice(0, 10)}.pdf`;
}

/** What /report hands over, in both transports: the PDF's document, its file name, and the complaint text to copy. */
export interface PreparedReport {
  doc: ReportDocument;
  fileName: string;
  complaint: string;
}

export function prepareReport(input: ReportInput): PreparedReport {
  const complaint = complaintText(input.content, input.context, input.t);
  return { doc: buildReport(input, complaint), fileName: reportFileName(input.now), complaint };
}
