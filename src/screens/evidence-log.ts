import type { Content } from "../content/schema.js";
import { REMOVE_PAGE, removePages, type ConversationContext } from "../conversation/machine.js";
import { countryOf, keepsImages } from "../conversation/steps.js";
import { formatBytes, formatReceived, formatWhen, moneyDetails, shorten } from "../evidence/describe.js";
import { LIMITS, type EvidenceItem, type NewItem } from "../evidence/item.js";
import { button, helpRow, lines, text, type Button, type Screen, type Text } from "./screen.js";
import { sinceText } from "./since.js";

/**
 * The evidence log's screens: the list, "send me the …" prompts, removing, and the offer made when
 * a link or file arrives outside the log. Pure, like every screen.
 */

type Body = Pick<Screen, "parts" | "buttons">;

/** The list shows the newest few; the report holds them all. */
const LIST_SHOWN = 10;
/** Characters of an item shown in a list line. */
const LINE_CHARS = 70;

/** One short line for an item, in their language and their country's time. */
export function itemLine(item: EvidenceItem | NewItem, n: number | string, c: ConversationContext, content: Content): Text {
  const tz = countryOf(content, c.country).timeZone;
  const at = formatReceived(item.at, c.locale, tz);
  switch (item.kind) {
    case "link":
      return text("log-item-link", { n, url: shorten(item.url, LINE_CHARS) });
    case "handle":
      return text("log-item-handle", { n, handle: shorten(item.handle, LINE_CHARS) });
    case "date":
      return text("log-item-date", { n, when: formatWhen(item.when, c.locale), what: item.what ? shorten(item.what, LINE_CHARS) : "-" });
    case "money":
      return text("log-item-money", { n, details: shorten(moneyDetails(item, c.locale) || (item.what ?? ""), LINE_CHARS) });
    case "note":
      return text("log-item-note", { n, text: shorten(item.text, LINE_CHARS) });
    case "file":
      return text("log-item-file", { n, type: text(`file-type-${item.type}`), size: formatBytes(item.size), short: item.sha256.slice(0, 16), at });
    case "sent":
      return text(`log-item-sent-${item.to}`, { n, platform: text(`platform-${item.platform}`), at, ago: sinceText(item.at, c.now) });
  }
}

function list(content: Content, c: ConversationContext): Body {
  const items = c.evidence;
  const shown = items.slice(-LIST_SHOWN);
  const first = items.length - shown.length;
  return {
    parts: [
      text("log-title", { count: items.length, max: LIMITS.items }),
      ...(items.length === 0 ? [text("log-empty")] : []),
      ...(first > 0 ? [text("log-earlier", { count: first })] : []),
      ...(shown.length > 0 ? [lines(shown.map((item, i) => itemLine(item, first + i + 1, c, content)))] : []),
      text("log-private"),
    ],
    buttons: [
      [button("log-add-link", { type: "ADD", value: "link" }), button("log-add-handle", { type: "ADD", value: "handle" })],
      [button("log-add-date", { type: "ADD", value: "date" }), button("log-add-money", { type: "ADD", value: "money" })],
      [button("log-add-note", { type: "ADD", value: "note" }), button("log-add-file", { type: "ADD", value: "file" })],
      ...(items.length > 0 ? [[button("log-remove", { type: "EDIT" })]] : []),
      [button("log-report", { type: "REPORT" }), button("log-summary", { type: "SUMMARY" })],
      [button("btn-letters", { type: "LETTERS" })],
      [button("btn-back", { type: "BACK" }), button("btn-helplines", { type: "HELPLINES" })],
    ],
  };
}

function input(c: ConversationContext): Body {
  const kind = c.adding ?? "note";
  // Pictures are opened only on the adult path of the person's own case (see keepsImages).
  if (kind === "file" && !keepsImages(c)) {
    return {
      parts: [text("log-ask-file-minor")],
      buttons: [[button("log-add-link-instead", { type: "ADD", value: "link" })], [button("btn-back", { type: "BACK" })], helpRow()],
    };
  }
  const limit = { link: LIMITS.link, handle: LIMITS.handle, date: LIMITS.what, money: LIMITS.what, note: LIMITS.note, file: LIMITS.fileBytes / (1024 * 1024) }[kind];
  return {
    parts: [text(`log-ask-${kind}`, { max: limit })],
    buttons: [[button("btn-back", { type: "BACK" })], helpRow()],
  };
}

function remove(content: Content, c: ConversationContext): Body {
  const pages = removePages(c.evidence.length);
  const page = Math.min(c.page, pages - 1);
  // Newest first: what they just added is what they most likely want to take back.
  const newestFirst = [...c.evidence].reverse();
  const onPage = newestFirst.slice(page * REMOVE_PAGE, (page + 1) * REMOVE_PAGE);
  const number = (item: EvidenceItem) => c.evidence.indexOf(item) + 1;
  const itemButtons = onPage.map((item) => button("log-remove-item", { type: "REMOVE", value: String(item.id) }, { n: number(item) }));
  const rows: Button[][] = [];
  for (let i = 0; i < itemButtons.length; i += 4) rows.push(itemButtons.slice(i, i + 4));
  return {
    parts: [
      text("log-remove-title", { page: page + 1, pages }),
      lines(onPage.map((item) => itemLine(item, number(item), c, content))),
    ],
    buttons: [...rows, ...(pages > 1 ? [[button("log-more", { type: "NEXT" })]] : []), [button("btn-back", { type: "BACK" })]],
  };
}

function offered(item: NewItem, c: ConversationContext, content: Content): Text {
  if (item.kind === "file") return text("offer-file", { sha256: item.sha256, size: formatBytes(item.size), type: text(`file-type-${item.type}`) });
  if (item.kind === "link") return text("offer-link", { url: shorten(item.url, 300) });
  return itemLine(item, "•", c, content);
}

function offer(content: Content, c: ConversationContext): Body {
  return {
    parts: [...c.pending.map((item) => offered(item, c, content)), text("offer-question", { offered: c.pending.length, count: c.evidence.length, max: LIMITS.items })],
    buttons: [[button("offer-yes", { type: "ACCEPT" }), button("offer-no", { type: "BACK" })], [button("btn-evidence-log", { type: "LOG" })]],
  };
}

export function evidenceLogScreen(content: Content, c: ConversationContext, path: string): Body | undefined {
  switch (path) {
    case "log.list":
      return list(content, c);
    case "log.input":
      return input(c);
    case "log.remove":
      return c.evidence.length > 0 ? remove(content, c) : list(content, c);
    case "offer":
      return offer(content, c);
    default:
      return undefined;
  }
}
