import type { Content } from "../content/schema.js";
import type { ConversationMachine, Locale } from "../conversation/machine.js";
import type { CounselSettings } from "../conversation/office-hours.js";
import { countryOf } from "../conversation/steps.js";
import { runTurn, type PersonInput, type Turn } from "../conversation/turn.js";
import { renderScreen, type RenderedScreen, type Translate } from "./render.js";
import { screenFor } from "./screens.js";
import { text } from "./screen.js";
import { counselView } from "./talk.js";
import { copiesFor } from "../report/letters.js";

export interface ReplyDeps {
  machine: ConversationMachine;
  content: Content;
  /** A translator per language. */
  translate: (locale: Locale) => Translate;
  /** The counselling service (COUNSELLOR_*); undefined: the feature is off and /talk says so. */
  counsel?: CounselSettings | undefined;
  /**
   * A fresh random case code (CASE_CODE_ALPHABET, never derived from the chat) for her consent to
   * talk. Used only with `counsel`: without a service to hand her to, no case can open.
   */
  caseCode?: (() => string) | undefined;
}

export interface Reply {
  turn: Turn;
  screen: RenderedScreen;
  /** Texts to send after the screen, each as a message that copies with one tap (a complaint, the money pack). */
  copies: string[];
}

/**
 * One turn, put into words: what the person did → the next snapshot and the screen to show, in
 * their language, with a calm notice on top where one is due. Pure; both transports call it.
 * `turnNotice: false` leaves out the turn's own notice (the caller has a truer one to give).
 */
export function reply(deps: ReplyDeps, stored: unknown, input: PersonInput, options: { turnNotice?: boolean; now?: () => Date } = {}): Reply {
  const turn = runTurn(deps.machine, stored, input, {
    timeZoneOf: (country) => countryOf(deps.content, country).timeZone,
    ...(options.now ? { now: options.now } : {}),
    ...(deps.counsel && deps.caseCode ? { caseCode: deps.caseCode } : {}),
  });
  // Open or closed at this turn's moment, by the same clock the turn used.
  const counsel = counselView(deps.counsel, options.now?.() ?? new Date());
  const screen = screenFor(deps.content, turn.snapshot, { counsel });
  const notice = turn.notice && options.turnNotice !== false ? text(`notice-${turn.notice}`, turn.noticeArgs) : undefined;
  const copies = turn.copy ? copiesFor(deps.content, turn.snapshot.context, turn.copy, deps.translate) : [];
  return { turn, screen: renderScreen(screen, deps.translate(turn.snapshot.context.locale), notice), copies };
}
