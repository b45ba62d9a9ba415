import type { Content, Helpline } from "../content/schema.js";
import type { ConversationContext, Locale, Share } from "../conversation/machine.js";
import { isOpenAt, DEFAULT_COUNSELLOR_ORG, type CounselSettings } from "../conversation/office-hours.js";
import { countryOf } from "../conversation/steps.js";
import { helplinesById, lineText } from "./contacts.js";
import { button, lines, text, type Button, type Lines, type Screen, type Text } from "./screen.js";

/**
 * Talking to a counsellor of a partner helpline (issue 14), as she sees it: the consent screen,
 * the open and ended conversation, the notices the desk sends (closed now, no answer yet, could not
 * connect), and the lines the counsellors' group reads. Pure, like every screen: the clock has
 * already been read into `CounselView.openNow`.
 */

/** What the screens know of the counselling service; undefined when the feature is off. */
export interface CounselView {
  org: string;
  /** The hours as the operator wrote them (COUNSELLOR_HOURS); undefined: no fixed hours. */
  hours: string | undefined;
  timeZone: string;
  /** Open at the moment of this turn. */
  openNow: boolean;
  /** COUNSELLOR_WAIT_MINUTES, for "nobody has answered yet". */
  waitMinutes?: number | undefined;
}

/** Settings and the turn's clock → what the screens show. "24/7" has no hours worth naming. */
export function counselView(settings: CounselSettings | undefined, now: Date): CounselView | undefined {
  if (!settings) return undefined;
  return {
    org: settings.org,
    hours: settings.hours && !settings.hours.always ? settings.hoursText : undefined,
    timeZone: settings.timeZone,
    openNow: isOpenAt(settings.hours, settings.timeZone, now),
    waitMinutes: settings.waitMinutes,
  };
}

type Body = Pick<Screen, "parts" | "buttons">;

/** The service's name as she reads it: the default one in her language. */
const orgText = (counsel: CounselView): string | Text => (counsel.org === DEFAULT_COUNSELLOR_ORG ? text("talk-org-default") : counsel.org);

/** The time zone as people say it, in her language ("India Standard Time", "भारतीय मानक समय"); the IANA id if the runtime has no name. */
export function zoneName(timeZone: string, locale: Locale): string {
  try {
    const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "longGeneric" })
      .formatToParts(new Date(0))
      .find((p) => p.type === "timeZoneName")?.value;
    return name && !/^GMT[+-]/.test(name) ? name : timeZone;
  } catch {
    return timeZone;
  }
}

/** "Mon-Sat 09:00-18:00 (India Standard Time)" as an argument, or nothing when there are no fixed hours. */
const hoursArgs = (counsel: CounselView, c: ConversationContext) => ({ hours: counsel.hours ?? "", zone: zoneName(counsel.timeZone, c.locale) });

/** Emergency and crisis lines of her country: what to reach while nobody here can answer. */
function crisisHelplines(content: Content, c: ConversationContext): Helpline[] {
  const country = countryOf(content, c.country);
  return helplinesById(content, [...new Set([...country.emergency, ...country.crisis])]);
}

const crisisLines = (content: Content, c: ConversationContext): Text[] => crisisHelplines(content, c).map(lineText);

/** The same, one line each ("Tele-MANAS (mental health): 14416"), where they sit inside a longer screen. */
const crisisLinesShort = (content: Content, c: ConversationContext): Lines =>
  lines(crisisHelplines(content, c).map((l) => text("contact-line", { name: text(`line-${l.id}`), contact: [l.phone, l.url].filter(Boolean).join(" · ") })));

const endRow = (): Button[] => [button("btn-end-talk", { type: "END_TALK" })];

/** "💬 Talk to a counsellor", or "back to your conversation" while a case is open. */
export const talkRow = (c: ConversationContext): Button[] => [button(c.caseCode !== undefined ? "btn-talk-return" : "btn-talk", { type: "TALK" })];

/**
 * Feature off: nobody to hand her to, so the people she can reach herself to talk: emergency,
 * crisis and support lines, without the ones that are not for talking (the 1930 money line, a
 * directory) and without Childline once she is an adult (as on the danger screen).
 */
function notConnected(content: Content, c: ConversationContext): Body {
  const country = countryOf(content, c.country);
  const adultNow = c.age === "adult" || c.age === "was-minor";
  const talkLines = helplinesById(content, [...new Set([...country.emergency, ...country.crisis, ...country.support])]).filter(
    (l) => l.kind !== "cyber" && l.kind !== "directory" && !(adultNow && l.kind === "child"),
  );
  return {
    parts: [text("talk-off"), ...talkLines.map(lineText), text("talk-off-summary")],
    buttons: [[button("btn-back", { type: "BACK" })]],
  };
}

function consent(content: Content, c: ConversationContext, counsel: CounselView | undefined): Body {
  if (!counsel) return notConnected(content, c);
  const hours = hoursArgs(counsel, c);
  return {
    parts: [
      text("talk-consent-intro", { org: orgText(counsel) }),
      counsel.hours ? text("talk-consent-hours", hours) : text("talk-consent-no-hours"),
      ...(counsel.openNow ? [] : [text("talk-consent-closed"), crisisLinesShort(content, c)]),
      text("talk-consent-see"),
      text("talk-consent-keep"),
      text("talk-consent-images"),
      text("talk-consent-choose"),
    ],
    buttons: [
      [button("talk-share-summary", { type: "SHARE", value: "summary" })],
      [button("talk-share-log", { type: "SHARE", value: "log" })],
      [button("talk-share-none", { type: "SHARE", value: "none" })],
      [button("talk-not-now", { type: "BACK" })],
    ],
  };
}

function open(counsel: CounselView | undefined, c: ConversationContext): Body {
  // The feature switched off while her case was open: the desk is gone, so say only how to end it.
  const org = counsel ? orgText(counsel) : text("talk-org-default");
  return {
    parts: [
      text("talk-open-intro", { org }),
      counsel && !counsel.openNow ? text(counsel.hours ? "talk-open-closed" : "talk-open-closed-no-hours", counsel.hours ? hoursArgs(counsel, c) : undefined) : text("talk-open-wait"),
      text("talk-open-notes"),
    ],
    buttons: [endRow(), [button("btn-helplines", { type: "HELPLINES" })], [button("talk-back-to-where", { type: "BACK" })]],
  };
}

function ended(): Body {
  return {
    parts: [text("talk-ended"), text("talk-ended-next")],
    buttons: [[button("btn-helplines", { type: "HELPLINES" }), button("btn-back", { type: "BACK" })]],
  };
}

/** The three talk screens, or undefined for a path that isn't one of them. */
export function talkScreen(content: Content, c: ConversationContext, path: string, counsel: CounselView | undefined): Body | undefined {
  switch (path) {
    case "talk.consent":
      return consent(content, c, counsel);
    case "talk.open":
      return open(counsel, c);
    case "talk.ended":
      return ended();
    default:
      return undefined;
  }
}

/** Screens that offer "💬 Talk to a counsellor" when a counselling service is connected. */
const TALK_ON = new Set(["flow.support", "flow.closing", "help", "crisis", "danger"]);

/**
 * What the hand-off adds to any screen: the Talk button where it belongs, and while a case is open a last row to end it, everywhere but the
 * open conversation itself, which has it already.
 */
export function withTalk(body: Body, path: string, c: ConversationContext, counsel: CounselView | undefined): Body {
  let buttons = body.buttons;
  if (counsel && TALK_ON.has(path)) {
    // Right after Next on the support screen; elsewhere just above the last row (Back, Restart or Helplines).
    const at = path === "flow.support" ? 1 : Math.max(0, buttons.length - 1);
    buttons = [...buttons.slice(0, at), talkRow(c), ...buttons.slice(at)];
  }
  if (c.caseCode !== undefined && path !== "talk.open" && !buttons.some((row) => row.some((b) => b.event.type === "END_TALK"))) {
    buttons = [...buttons, endRow()];
  }
  return buttons === body.buttons ? body : { ...body, buttons };
}

export type CaseNoticeKind = "off-hours" | "no-answer" | "unavailable";

/**
 * What the desk tells her outside a turn, as its own message: closed now, nobody has answered
 * within the wait, or the case could not be opened. Always with the emergency and crisis lines of
 * her country, and while a case is open the way to end it.
 */
export function caseNotice(content: Content, c: ConversationContext, kind: CaseNoticeKind, counsel: CounselView | undefined): Screen {
  const org = counsel ? orgText(counsel) : text("talk-org-default");
  const first: Text =
    kind === "off-hours"
      ? counsel?.hours
        ? text("talk-notice-off-hours", { org, ...hoursArgs(counsel, c) })
        : text("talk-notice-off-hours-no-hours", { org })
      : kind === "no-answer"
        ? // Whole minutes read well; a trial run's 0.05 (3 s) is said without a number.
          counsel?.waitMinutes !== undefined && Number.isInteger(counsel.waitMinutes) && counsel.waitMinutes >= 1
          ? text("talk-notice-no-answer", { org, minutes: counsel.waitMinutes })
          : text("talk-notice-no-answer-now", { org })
        : text("talk-notice-unavailable", { org });
  return {
    id: `talk.${kind}`,
    parts: [first, text("talk-notice-lines"), ...crisisLines(content, c)],
    buttons: [[button("btn-helplines", { type: "HELPLINES" })], ...(c.caseCode !== undefined ? [endRow()] : [])],
  };
}

/** Lines the bot posts in the counsellors' group, in English (locale en); none names her. */
export type GroupTextKind =
  | "opened"
  | "crisis"
  | "not-passed"
  | "summary-none"
  | "helplines-sent"
  | "has-ended"
  | "ended-her"
  | "ended-counsellor"
  | "ended-inactive"
  | "ended-blocked"
  | "ended-exit"
  | "ended-forget"
  | "ended-unavailable";

export interface GroupTextArgs {
  /** The case code, for "opened". */
  code?: string | undefined;
  /** What she chose to share, for "opened". */
  shared?: Share | undefined;
}

export function groupText(kind: GroupTextKind, args: GroupTextArgs = {}): Text {
  if (kind === "opened") return text("counsellors-opened", { code: args.code ?? "", shared: args.shared ?? "none" });
  return text(`counsellors-${kind}`);
}
