import type { Content, PlatformId } from "../content/schema.js";
import { SHOWS, type ConversationContext } from "../conversation/machine.js";
import { lastSent } from "../report/letters.js";
import { hasMoney } from "../report/money-pack.js";
import { casePlatforms } from "./case-summary.js";
import { button, helpRow, lines, text, type Button, type Screen, type Text } from "./screen.js";
import { hoursBetween, sinceText } from "./since.js";

/**
 * /letters: a complaint per platform, the 1930 money pack and the section 63 certificate, made from
 * the log when asked and never stored. Pure, like every screen.
 */

type Body = Pick<Screen, "parts" | "buttons">;

/**
 * When to ask "did it come down?": a day after the complaint. The rules' removal deadline for
 * intimate images is 24 hours in the 2021 text and reported as shorter in 2026 (content-facts-2 A.1,
 * A.9, L.1); a day has passed it under every version, so asking then says no more than the facts.
 */
export const DUE_HOURS = 24;

/** Platforms to write to: those she chose or her links point to, and any she already wrote to. */
export function letterPlatforms(c: ConversationContext): PlatformId[] {
  const found = casePlatforms(c);
  for (const item of c.evidence) if (item.kind === "sent" && !found.includes(item.platform as PlatformId)) found.push(item.platform as PlatformId);
  return found;
}

/** A complaint sent a day ago or more, with no appeal since and not marked as taken down. */
export function isDue(c: ConversationContext, platform: string): boolean {
  const sent = lastSent(c, platform, "complaint");
  if (!sent || !c.now || c.resolved.includes(platform)) return false;
  const appealed = lastSent(c, platform, "appeal");
  return (!appealed || appealed.at < sent.at) && hoursBetween(sent.at, c.now) >= DUE_HOURS;
}

function list(content: Content, c: ConversationContext): Body {
  const platforms = letterPlatforms(c);
  const parts: (Text | ReturnType<typeof lines>)[] = [text("letters-intro")];
  const buttons: Button[][] = [];
  const sentLines: Text[] = [];
  for (const platform of platforms) {
    const name = text(`platform-${platform}`);
    const sent = lastSent(c, platform, "complaint");
    const appeal = lastSent(c, platform, "appeal");
    if (sent) sentLines.push(text("letters-sent-line", { platform: name, ago: sinceText(sent.at, c.now) }));
    if (appeal) sentLines.push(text("letters-appeal-line", { platform: name, ago: sinceText(appeal.at, c.now) }));
    if (isDue(c, platform)) {
      parts.push(text("letters-due", { platform: name }));
      buttons.push([button("letters-gone", { type: "GONE", value: platform }, { platform: name }), button("letters-still-up", { type: "STILL_UP", value: platform })]);
    }
    buttons.push([button("letters-complaint", { type: "LETTER", value: platform }, { platform: name })]);
  }
  if (sentLines.length > 0) parts.push(lines(sentLines));
  if (platforms.length === 0) parts.push(text("letters-none"));
  if (hasMoney(c)) buttons.push([button("letters-money", { type: "MONEY" })]);
  // The certificate is an appendix of the PDF: the report carries every fingerprint in full.
  if (c.evidence.some((i) => i.kind === "file")) buttons.push([button("letters-certificate", { type: "REPORT" })]);
  parts.push(text("letters-private"));
  buttons.push([button("btn-evidence-log", { type: "LOG" }), button("btn-back", { type: "BACK" })], helpRow());
  return { parts, buttons };
}

function shows(c: ConversationContext): Body {
  const chosen = c.letter?.shows ?? [];
  return {
    parts: [text("letters-shows-question", { platform: text(`platform-${c.letter?.platform ?? "other"}`) }), text("letters-shows-why")],
    buttons: [
      ...SHOWS.map((s) => [button("letters-show-toggle", { type: "TOGGLE", value: s }, { name: text(`letter-show-${s}`), checked: chosen.includes(s) ? "yes" : "no" })]),
      [button("letters-make", { type: "DONE" })],
      [button("btn-back", { type: "BACK" })],
    ],
  };
}

function complaint(content: Content, c: ConversationContext): Body {
  const platform = c.letter?.platform ?? "other";
  const entry = content.platforms.find((p) => p.id === platform);
  const g = entry?.grievance;
  const contact = [g?.email, g?.url, g?.post].filter((x): x is string => x !== undefined);
  return {
    parts: [
      text("letters-complaint-ready", { platform: text(`platform-${platform}`) }),
      text("letters-in-app-first"),
      text(g?.known ? "letters-channel" : "letters-no-channel", { platform: text(`platform-${platform}`), how: text(`grievance-${platform}`), contact: contact.join(" · ") || "-" }),
      text(`grievance-${platform}-asks`),
      text("letters-no-personal"),
    ],
    buttons: [[button("letters-sent", { type: "SENT" })], [button("btn-back", { type: "BACK" })], helpRow()],
  };
}

function appeal(c: ConversationContext): Body {
  return {
    parts: [text("letters-appeal-ready", { platform: text(`platform-${c.letter?.platform ?? "other"}`) }), text("letters-appeal-how"), text("letters-appeal-police")],
    buttons: [[button("letters-sent-appeal", { type: "SENT" })], [button("btn-back", { type: "BACK" })], helpRow()],
  };
}

/** The letters screens, or undefined when the path is not one of them. */
export function lettersScreen(content: Content, c: ConversationContext, path: string): Body | undefined {
  switch (path) {
    case "letters.list":
      return list(content, c);
    case "letters.shows":
      return shows(c);
    case "letters.complaint":
      return complaint(content, c);
    case "letters.appeal":
      return appeal(c);
    case "letters.money":
      return { parts: [text("letters-money-ready"), text("letters-money-now")], buttons: [[button("btn-back", { type: "BACK" })], helpRow()] };
    default:
      return undefined;
  }
}
