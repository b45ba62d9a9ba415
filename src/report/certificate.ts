import type { ConversationContext } from "../conversation/machine.js";
import type { EvidenceItem } from "../evidence/item.js";
import type { Translate } from "../screens/render.js";
import type { Block, ReportSection } from "./report-document.js";

/**
 * The report's appendix: a draft of the certificate that goes with electronic evidence under
 * section 63 of the Bharatiya Sakshya Adhiniyam, 2023 (content-facts-2 §C), in two parts:
 *  - a plain-words page: what the certificate is for (C.1, C.5), who fills Part A (C.7, practical
 *    guidance only), that Part B needs an expert and that who counts as one is unsettled (C.4,
 *    §L.4), that the fingerprints are of the copies the bot received (C.6), keeping the originals,
 *    and writing the device details by hand;
 *  - Part A laid out in the order of the Schedule (C.2), pre-filled only with what the log holds:
 *    each file's SHA-256, the algorithm and when the bot received the file. Name, address and
 *    device details stay blank: the bot never has them and never asks (an IMEI identifies her).
 *    Part B is a heading and a note: its full text was not captured (C.3).
 * The words paraphrase the Schedule's structure; none of it is the official text, and the pages
 * say so. Only for India (the Act is Indian) and only when the log holds a file fingerprint.
 */

/** The Act's name as the report's law labels give it (flows/laws.yaml names acts in English). */
export const BSA = "Bharatiya Sakshya Adhiniyam, 2023";

/** The Schedule's sources, in its order (C.2). */
export const CERT_SOURCES = ["computer", "dvr", "mobile", "flash", "cd", "server", "cloud", "other"] as const;
/** The Schedule's algorithms (C.2); the bot's fingerprints are SHA256. */
export const CERT_ALGORITHMS = ["SHA1", "SHA256", "MD5", "other"] as const;

type FileItem = Extract<EvidenceItem, { kind: "file" }>;

export function fileItems(evidence: readonly EvidenceItem[]): FileItem[] {
  return evidence.filter((i): i is FileItem => i.kind === "file");
}

const IST = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Kolkata",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "20-11-2026, 21:46 IST": the Schedule asks for times in IST on a 24-hour clock, the same in both languages. */
export function formatIst(iso: string): string {
  const part = Object.fromEntries(IST.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${part.day}-${part.month}-${part.year}, ${part.hour}:${part.minute} IST`;
}

/** Whether the report gets the appendix: an Indian case with at least one fingerprinted file. */
export function wantsCertificate(c: ConversationContext): boolean {
  return c.country === "in" && fileItems(c.evidence).length > 0;
}

/**
 * The appendix's sections (empty when `wantsCertificate` is false). `number` gives an item's
 * number in the log, so "#5" means the same item as in the timeline.
 */
export function certificateSections(c: ConversationContext, t: Translate, number: (item: EvidenceItem) => number): ReportSection[] {
  if (!wantsCertificate(c)) return [];
  const files = fileItems(c.evidence);
  const act = { act: BSA };
  const anyPhoto = files.some((f) => f.type === "photo");

  const plain: ReportSection = {
    heading: t("cert-plain-heading"),
    newPage: true,
    blocks: [
      { kind: "notice", text: t("cert-draft") },
      { kind: "subheading", text: t("cert-what-heading") },
      { kind: "paragraph", text: t("cert-what", act) },
      { kind: "paragraph", text: t("cert-format", act) },
      { kind: "subheading", text: t("cert-who-heading") },
      { kind: "list", items: [t("cert-part-a"), t("cert-part-b"), t("cert-expert-unsettled")] },
      { kind: "subheading", text: t("cert-fingerprints-heading") },
      { kind: "paragraph", text: t("cert-fingerprints") },
      ...(anyPhoto ? [{ kind: "paragraph", text: t("cert-photo-compressed") } satisfies Block] : []),
      { kind: "subheading", text: t("cert-keep-heading") },
      { kind: "list", items: [t("cert-keep"), t("cert-exports"), t("cert-by-hand")] },
      { kind: "subheading", text: t("cert-about-heading") },
      { kind: "paragraph", text: t("cert-not-captured") },
      { kind: "paragraph", text: t("cert-lawyer") },
    ],
  };

  const hashes: Block[] = files.map((f) => ({
    kind: "fields",
    rows: [
      [t("cert-a-hash-label", { n: number(f), type: t(`report-file-type-${f.type}`) }), f.sha256],
      [t("cert-a-received"), formatIst(f.at)],
    ],
  }));

  const partA: ReportSection = {
    heading: t("cert-a-heading"),
    newPage: true,
    blocks: [
      { kind: "notice", text: t("cert-a-draft", act) },
      { kind: "subheading", text: t("cert-a-who-heading") },
      { kind: "blanks", rows: [{ label: t("cert-a-name") }, { label: t("cert-a-address"), lines: 2 }] },
      { kind: "subheading", text: t("cert-a-source-heading") },
      { kind: "checkboxes", items: CERT_SOURCES.map((s) => ({ label: t(`cert-source-${s}`) })) },
      { kind: "subheading", text: t("cert-a-device-heading") },
      { kind: "paragraph", text: t("cert-a-by-hand") },
      {
        kind: "blanks",
        rows: [{ label: t("cert-a-make-model") }, { label: t("cert-a-colour") }, { label: t("cert-a-serial") }, { label: t("cert-a-imei") }],
      },
      { kind: "subheading", text: t("cert-a-control-heading") },
      { kind: "paragraph", text: t("cert-a-lawful") },
      { kind: "paragraph", text: t("cert-a-owned") },
      { kind: "subheading", text: t("cert-a-hash-heading") },
      { kind: "paragraph", text: t("cert-a-hash-intro", { count: files.length }) },
      ...hashes,
      { kind: "paragraph", text: t("cert-a-algorithm") },
      { kind: "checkboxes", items: CERT_ALGORITHMS.map((a) => ({ label: a === "other" ? t("cert-algorithm-other") : a, checked: a === "SHA256" })) },
      { kind: "checkboxes", items: [{ label: t("cert-a-hash-report") }] },
      { kind: "paragraph", text: t("cert-a-hash-note") },
      { kind: "subheading", text: t("cert-a-sign-heading") },
      {
        kind: "blanks",
        rows: [{ label: t("cert-a-signature") }, { label: t("cert-a-date") }, { label: t("cert-a-time") }, { label: t("cert-a-place") }],
      },
    ],
  };

  const partB: ReportSection = {
    heading: t("cert-b-heading"),
    blocks: [{ kind: "paragraph", text: t("cert-b-note") }],
  };

  return [plain, partA, partB];
}
