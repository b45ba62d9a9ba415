import { assign, not, raise, setup } from "xstate";
import {
  CountryId,
  IncidentId,
  PlatformId,
  type Content,
} from "../content/schema.js";
import { AddableKind, LIMITS, type EvidenceItem, type NewItem } from "../evidence/item.js";
import { asksWoman, evidenceSteps, reportingRoutes, takedownRoutes, type Situation } from "./steps.js";

/**
 * The whole conversation as one pure XState v5 machine. It decides what happens next; it never
 * talks to Telegram or a store. The flow (welcome → … → closing) lives under `flow`, with a deep
 * history state so that help, crisis, privacy, language and the menu can open from anywhere and
 * then put the person back exactly where they were.
 */

/** English, Hindi, and (machine-drafted, awaiting native review) Bengali, Marathi, Telugu and Tamil. */
export const LOCALES = ["en", "hi", "bn", "mr", "te", "ta"] as const;
export type Locale = (typeof LOCALES)[number];

/** Parts of the flow the menu can jump to. */
export const SECTIONS = ["safety", "incident", "evidence", "takedown", "reporting", "support", "closing"] as const;
export type Section = (typeof SECTIONS)[number];

/**
 * The age question is about the images, not the person: "was anyone in them under 18 when they
 * were taken?". `minor` is "yes, and I'm (they're) under 18 now"; `was-minor` is "yes, but an adult
 * now"; `unsure` is "not sure"; `unknown` is not answered (skipped, or from before the question).
 * Only `adult` ("everyone was 18 or older") takes the steps that keep the image itself.
 */
export const IMAGE_AGES = ["minor", "was-minor", "adult", "unsure"] as const;
export type ImageAge = (typeof IMAGE_AGES)[number] | "unknown";

/** "Are you a woman?" — asked only where a law protects women only; unasked until then. */
export const WOMAN_ANSWERS = ["yes", "no", "unsaid"] as const;
export type Woman = (typeof WOMAN_ANSWERS)[number] | "unknown";

/** Who is talking: the person it happened to, someone helping them, or someone who came across images. */
export const ROLES = ["self", "helper", "bystander"] as const;
export type Role = (typeof ROLES)[number];

export interface ConversationContext extends Situation {
  locale: Locale;
  /** Index into the evidence steps for this situation. */
  step: number;
  /** Index into the takedown routes for this situation. */
  route: number;
  /** Index into the reporting routes for their country. */
  report: number;
  /** Evidence step ids the person marked done. */
  done: string[];
  /** Sections the person has opened, for the closing summary. */
  visited: Section[];
  /** The evidence log: what they chose to record. Encrypted with the rest; gone with /forget. */
  evidence: EvidenceItem[];
  /** The id the next item gets; ids are never reused, so an old "remove" button can't hit another item. */
  nextId: number;
  /** Links or file fingerprints they sent outside the log (an album is several), waiting for "add?". */
  pending: NewItem[];
  /** Offers made so far, never reset: names each offer screen, so an old offer's button is known as old. */
  offers: number;
  /** What the log is waiting for them to type or send. */
  adding?: AddableKind | undefined;
  /** Which page of the log's remove list is shown. */
  page: number;
  /** Words typed at the log before they said what kind of item they are; kept (encrypted) until they choose. */
  draft?: string | undefined;
  /** The grievance complaint being drafted: for which platform, and what the content shows (chosen, never typed). */
  letter?: { platform: string; shows: string[] } | undefined;
  /** Platforms she said took it down after a complaint: not asked again. */
  resolved: string[];
  /** The time of her latest turn (ISO), brought by the turn: screens are pure and need it for "3 days ago". */
  now?: string | undefined;
  /** The open counselling case, if any: only its code (the case record elsewhere holds the rest). */
  caseCode?: string | undefined;
}

/**
 * A counselling case's code: random, never derived from the chat, and short enough to say aloud
 * ("case K7F3QX"). No 0/O, 1/I/L or U, so it reads back without mistakes.
 */
export const CASE_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CASE_CODE = /^[2-9A-HJKMNP-TV-Z]{6}$/;

/** What she shares with the counsellor when the case opens: nothing, her situation, or her situation and her log. */
export const SHARES = ["none", "summary", "log"] as const;
export type Share = (typeof SHARES)[number];

/** What a complaint can say the content shows: chosen with buttons, never typed about the image itself. */
export const SHOWS = ["nudity", "sexual-act", "private-parts", "morphed"] as const;

/** Items a page of the "remove" list shows. */
export const REMOVE_PAGE = 8;

/** Offers waiting at once: an album of up to 10, as Telegram sends them. Older ones give way. */
export const PENDING_KEPT = 10;

export type ConversationEvent =
  | { type: "BEGIN" }
  | { type: "SAFE" }
  | { type: "NOT_SAFE" }
  /** "I'm thinking of hurting myself" on the safety question. */
  | { type: "SELF_HARM" }
  /** Someone else is hurting or threatening them: 112 first. */
  | { type: "DANGER" }
  /** "I'm helping someone" or "I came across someone's images", from the first screen. */
  | { type: "ROLE"; value: string }
  /** What to do if a child may be in the images: report the link, never keep the image. */
  | { type: "CHILD" }
  | { type: "CHOOSE"; value: string }
  | { type: "TOGGLE"; value: string }
  | { type: "NEXT" }
  | { type: "DONE" }
  | { type: "SKIP" }
  | { type: "WHY" }
  | { type: "BACK" }
  | { type: "LAWS" }
  | { type: "HOW" }
  | { type: "CRISIS" }
  | { type: "RESUME" }
  | { type: "HELPLINES" }
  | { type: "PRIVACY" }
  | { type: "HELP" }
  | { type: "MENU" }
  | { type: "GOTO"; value: string }
  | { type: "LANGUAGE" }
  | { type: "SET_LOCALE"; value: string }
  | { type: "FORGET" }
  | { type: "CONFIRM_FORGET" }
  | { type: "RESTART" }
  /** Evidence log: open it, start adding a kind, remove an item, accept an offered item. */
  | { type: "LOG" }
  | { type: "ADD"; value: string }
  | { type: "EDIT" }
  | { type: "REMOVE"; value: string }
  | { type: "ACCEPT" }
  | { type: "REPORT" }
  | { type: "SUMMARY" }
  /** Sent by the turn, never by a button: an item that already passed validation. */
  | { type: "ADD_ITEM"; item: NewItem }
  | { type: "OFFER"; item: NewItem }
  /** Sent by the turn: words typed at the log before a kind was chosen (undefined clears them). */
  | { type: "DRAFT"; text: string | undefined }
  /** /letters: grievance complaints, the 1930 money pack, the section 63 certificate. */
  | { type: "LETTERS" }
  /** Draft the complaint to one platform; "did it come down?" answered for one platform. */
  | { type: "LETTER"; value: string }
  | { type: "GONE"; value: string }
  | { type: "STILL_UP"; value: string }
  /** "✓ I sent it": the complaint (or appeal) on screen is logged with the time. */
  | { type: "SENT" }
  | { type: "MONEY" }
  /** /talk and "💬 Talk to a counsellor": the consent screen, or the open case. */
  | { type: "TALK" }
  /** Consent given, sharing `value`; the turn adds a fresh random `code`. */
  | { type: "SHARE"; value: string; code?: string }
  /** "⏹ End conversation" or her /end. */
  | { type: "END_TALK" }
  /** Sent by the transport: the counsellor ended the case, it timed out, or it could not open. */
  | { type: "CASE_ENDED" };

export type ConversationEventType = ConversationEvent["type"];

export interface ConversationInput {
  locale: Locale;
  /** The time of this turn (ISO), for a conversation that starts now. */
  now?: string | undefined;
}

export function freshContext(locale: Locale): ConversationContext {
  return {
    locale,
    role: "self",
    incident: undefined,
    alsoThreat: false,
    woman: "unknown",
    age: "unknown",
    platforms: [],
    country: "in",
    step: 0,
    route: 0,
    report: 0,
    done: [],
    visited: [],
    evidence: [],
    nextId: 1,
    pending: [],
    offers: 0,
    page: 0,
    resolved: [],
  };
}

const valueOf = (event: ConversationEvent): string => ("value" in event ? event.value : "");

/** Adds items while the log has room; ids keep counting up. */
function withItems(context: ConversationContext, items: readonly NewItem[]): Pick<ConversationContext, "evidence" | "nextId"> {
  let { evidence, nextId } = context;
  for (const item of items) {
    if (evidence.length >= LIMITS.items) break;
    evidence = [...evidence, { ...item, id: nextId++ }];
  }
  return { evidence, nextId };
}

/** Pages of the "remove" list for a log of `count` items (an empty log still shows one). */
export const removePages = (count: number) => Math.max(1, Math.ceil(count / REMOVE_PAGE));

export function createConversationMachine(content: Content) {
  const stepCount = (c: ConversationContext) => evidenceSteps(content, c).length;
  const routeCount = (c: ConversationContext) => takedownRoutes(content, c).length;
  const reportCount = (c: ConversationContext) => reportingRoutes(content, c).length;

  return setup({
    types: {
      context: {} as ConversationContext,
      events: {} as ConversationEvent,
      input: {} as ConversationInput,
    },
    guards: {
      isIncident: ({ event }) => IncidentId.safeParse(valueOf(event)).success,
      isAge: ({ event }) => (IMAGE_AGES as readonly string[]).includes(valueOf(event)),
      isHelperRole: ({ event }) => valueOf(event) === "helper",
      isBystanderRole: ({ event }) => valueOf(event) === "bystander",
      isRole: ({ context }, role: Role) => context.role === role,
      isWomanAnswer: ({ event }) => (WOMAN_ANSWERS as readonly string[]).includes(valueOf(event)),
      // Blackmail chosen as the incident: "is anyone also asking for money?" is not asked.
      choseBlackmail: ({ context }) => context.incident === "sextortion",
      asksWoman: ({ context }) => asksWoman(content, context),
      visitedTakedown: ({ context }) => context.visited.includes("takedown"),
      visitedReporting: ({ context }) => context.visited.includes("reporting"),
      isNext: ({ event }, section: "takedown" | "reporting") => valueOf(event) === section,
      isPlatform: ({ event }) => PlatformId.safeParse(valueOf(event)).success,
      isShows: ({ event }) => (SHOWS as readonly string[]).includes(valueOf(event)),
      hasLetter: ({ context }) => context.letter !== undefined,
      isCountry: ({ event }) => CountryId.safeParse(valueOf(event)).success,
      isLocale: ({ event }) => (LOCALES as readonly string[]).includes(valueOf(event)),
      hasNextStep: ({ context }) => context.step + 1 < stepCount(context),
      hasPreviousStep: ({ context }) => context.step > 0,
      hasNextRoute: ({ context }) => context.route + 1 < routeCount(context),
      hasPreviousRoute: ({ context }) => context.route > 0,
      hasReports: ({ context }) => reportCount(context) > 0,
      hasNextReport: ({ context }) => context.report + 1 < reportCount(context),
      hasPreviousReport: ({ context }) => context.report > 0,
      goesTo: ({ event }, section: Section) => valueOf(event) === section,
      isKind: ({ event }) => AddableKind.safeParse(valueOf(event)).success,
      hasRoom: ({ context }) => context.evidence.length < LIMITS.items,
      hasItems: ({ context }) => context.evidence.length > 0,
      hasPending: ({ context }) => context.pending.length > 0,
      hasCase: ({ context }) => context.caseCode !== undefined,
      opensCase: ({ event }) =>
        event.type === "SHARE" && (SHARES as readonly string[]).includes(event.value) && event.code !== undefined && CASE_CODE.test(event.code),
      emptiesLog: ({ context, event }) =>
        context.evidence.filter((i) => String(i.id) !== valueOf(event)).length === 0,
    },
    actions: {
      markDone: assign({
        done: ({ context }) => {
          const id = evidenceSteps(content, context)[context.step]?.id;
          return id && !context.done.includes(id) ? [...context.done, id] : context.done;
        },
      }),
      nextStep: assign({ step: ({ context }) => context.step + 1 }),
      previousStep: assign({ step: ({ context }) => Math.max(0, context.step - 1) }),
      firstStep: assign({ step: 0 }),
      lastStep: assign({ step: ({ context }) => Math.max(0, stepCount(context) - 1) }),
      nextRoute: assign({ route: ({ context }) => context.route + 1 }),
      previousRoute: assign({ route: ({ context }) => Math.max(0, context.route - 1) }),
      firstRoute: assign({ route: 0 }),
      lastRoute: assign({ route: ({ context }) => Math.max(0, routeCount(context) - 1) }),
      nextReport: assign({ report: ({ context }) => context.report + 1 }),
      previousReport: assign({ report: ({ context }) => Math.max(0, context.report - 1) }),
      firstReport: assign({ report: 0 }),
      setIncident: assign({ incident: ({ event }) => IncidentId.parse(valueOf(event)), step: 0, alsoThreat: false }),
      setAlsoThreat: assign({ alsoThreat: (_, yes: boolean) => yes, step: 0 }),
      setWoman: assign({ woman: ({ event }) => valueOf(event) as Woman }),
      setAge: assign({ age: ({ event }) => valueOf(event) as ImageAge, step: 0, route: 0 }),
      setRole: assign({ role: (_, role: Role) => role, step: 0, route: 0 }),
      setDraft: assign({ draft: ({ event }) => (event.type === "DRAFT" ? event.text : undefined) }),
      startLetter: assign({ letter: ({ event }) => ({ platform: valueOf(event), shows: [] }) }),
      toggleShows: assign({
        letter: ({ context, event }) => {
          const letter = context.letter ?? { platform: "other", shows: [] };
          const v = valueOf(event);
          return { ...letter, shows: letter.shows.includes(v) ? letter.shows.filter((x) => x !== v) : [...letter.shows, v] };
        },
      }),
      clearLetter: assign({ letter: undefined }),
      logSent: assign(({ context }, to: "complaint" | "appeal") =>
        withItems(context, context.letter ? [{ kind: "sent", at: context.now ?? new Date(0).toISOString(), platform: context.letter.platform, to }] : []),
      ),
      markGone: assign({ resolved: ({ context, event }) => (context.resolved.includes(valueOf(event)) ? context.resolved : [...context.resolved, valueOf(event)]) }),
      appealFor: assign({ letter: ({ event }) => ({ platform: valueOf(event), shows: [] }) }),
      togglePlatform: assign({
        platforms: ({ context, event }) => {
          const p = PlatformId.parse(valueOf(event));
          return context.platforms.includes(p) ? context.platforms.filter((x) => x !== p) : [...context.platforms, p];
        },
        route: 0,
      }),
      setCountry: assign({ country: ({ event }) => CountryId.parse(valueOf(event)), report: 0 }),
      setLocale: assign({ locale: ({ event }) => (LOCALES as readonly string[]).includes(valueOf(event)) ? (valueOf(event) as Locale) : "en" }),
      visit: assign({
        visited: ({ context }, section: Section) =>
          context.visited.includes(section) ? context.visited : [...context.visited, section],
      }),
      // Starting over keeps the log (it is theirs until /forget) and an open case (she is still talking to someone).
      reset: assign(({ context }) => ({ ...freshContext(context.locale), evidence: context.evidence, nextId: context.nextId, caseCode: context.caseCode })),
      openCase: assign({ caseCode: ({ event }) => (event.type === "SHARE" ? event.code : undefined) }),
      clearCase: assign({ caseCode: undefined }),
      setAdding: assign({ adding: ({ event }) => AddableKind.parse(valueOf(event)) }),
      clearAdding: assign({ adding: undefined }),
      addItem: assign(({ context, event }) => withItems(context, event.type === "ADD_ITEM" ? [event.item] : [])),
      addPending: assign({
        pending: ({ context, event }) => (event.type === "OFFER" ? [...context.pending, event.item].slice(-PENDING_KEPT) : context.pending),
        offers: ({ context }) => context.offers + 1,
      }),
      acceptPending: assign(({ context }) => ({ ...withItems(context, context.pending), pending: [] })),
      clearPending: assign({ pending: [] }),
      removeItem: assign(({ context, event }) => {
        const evidence = context.evidence.filter((i) => String(i.id) !== valueOf(event));
        return { evidence, page: Math.min(context.page, removePages(evidence.length) - 1) };
      }),
      firstPage: assign({ page: 0 }),
      nextPage: assign({ page: ({ context }) => (context.page + 1) % removePages(context.evidence.length) }),
    },
  }).createMachine({
    id: "nyf",
    context: ({ input }) => ({ ...freshContext(input.locale), ...(input.now ? { now: input.now } : {}) }),
    initial: "flow",
    // Help is always one step away: these work from every state, overlays included.
    on: {
      CRISIS: ".crisis",
      DANGER: ".danger",
      CHILD: ".child",
      DRAFT: { actions: "setDraft" },
      LETTERS: { target: ".letters.list", actions: ["clearPending", "clearLetter"] },
      HELPLINES: ".helplines",
      PRIVACY: ".privacy",
      HELP: ".help",
      MENU: ".menu",
      LANGUAGE: ".language",
      FORGET: ".forgetConfirm",
      RESTART: { target: ".flow.welcome", actions: "reset" },
      LOG: { target: ".log.list", actions: ["clearAdding", "clearPending"] },
      ADD: { guard: "isKind", target: ".log.input", actions: ["setAdding", "clearPending"] },
      REPORT: { target: ".report", actions: "clearPending" },
      SUMMARY: { target: ".summary", actions: "clearPending" },
      OFFER: { target: ".offer", actions: "addPending" },
      TALK: ".talk",
      // Her /end and the ⏹ button work from any screen while a case is open; without one there is nothing to end.
      END_TALK: { guard: "hasCase", target: ".talk.ended", actions: "clearCase" },
      CASE_ENDED: { guard: "hasCase", target: ".talk.ended", actions: "clearCase" },
    },
    states: {
      flow: {
        initial: "welcome",
        states: {
          welcome: {
            on: {
              BEGIN: { target: "safety", actions: { type: "setRole", params: "self" } },
              NEXT: { target: "safety", actions: { type: "setRole", params: "self" } },
              ROLE: [
                { guard: "isHelperRole", target: "helper", actions: { type: "setRole", params: "helper" } },
                { guard: "isBystanderRole", target: "bystander", actions: { type: "setRole", params: "bystander" } },
              ],
            },
          },
          // Someone helping a friend, a daughter, a sister: how to help, then the same walk on their behalf.
          helper: { on: { NEXT: "incident", SKIP: "incident", BACK: "welcome" } },
          // Someone who came across a person's images: don't keep or pass them on; report the post.
          bystander: { on: { NEXT: "platforms", SKIP: "platforms", BACK: "welcome" } },
          safety: {
            entry: { type: "visit", params: "safety" },
            on: {
              SAFE: "incident",
              SKIP: "incident",
              // Danger from someone first (112); "I'm safe now, continue" then carries on to the next question.
              NOT_SAFE: { target: "incident", actions: raise({ type: "DANGER" }) },
              SELF_HARM: { target: "incident", actions: raise({ type: "CRISIS" }) },
              BACK: "welcome",
            },
          },
          incident: {
            entry: { type: "visit", params: "incident" },
            on: {
              CHOOSE: { guard: "isIncident", target: "threat", actions: "setIncident" },
              SKIP: "threat",
              BACK: [{ guard: { type: "isRole", params: "helper" }, target: "helper" }, { target: "safety" }],
            },
          },
          // "Is anyone also asking you for money or threatening you?" (a motel that filmed and now
          // blackmails is both): the blackmail steps and laws join in. Not asked when blackmail was chosen.
          threat: {
            always: { guard: "choseBlackmail", target: "age" },
            on: {
              CHOOSE: [
                { guard: ({ event }) => valueOf(event) === "yes", target: "age", actions: { type: "setAlsoThreat", params: true } },
                { guard: ({ event }) => valueOf(event) === "no", target: "age", actions: { type: "setAlsoThreat", params: false } },
              ],
              SKIP: "age",
              BACK: "incident",
            },
          },
          age: {
            on: {
              CHOOSE: { guard: "isAge", target: "platforms", actions: "setAge" },
              SKIP: "platforms",
              BACK: [{ guard: "choseBlackmail", target: "incident" }, { target: "threat" }],
            },
          },
          platforms: {
            on: {
              TOGGLE: { guard: "isPlatform", actions: "togglePlatform" },
              DONE: "country",
              SKIP: "country",
              BACK: [{ guard: { type: "isRole", params: "bystander" }, target: "bystander" }, { target: "age" }],
            },
          },
          country: {
            on: {
              // Someone who only came across the images goes straight to reporting the post.
              CHOOSE: [
                { guard: { type: "isRole", params: "bystander" }, target: "takedown", actions: ["setCountry", "firstRoute"] },
                { guard: "isCountry", target: "woman", actions: "setCountry" },
              ],
              SKIP: [{ guard: { type: "isRole", params: "bystander" }, target: "takedown", actions: "firstRoute" }, { target: "woman" }],
              BACK: "platforms",
            },
          },
          // Asked only where a law that protects women only (BNS 77-79) could apply; otherwise passed
          // through. "Prefer not to say" cites the gender-neutral IT Act sections only.
          woman: {
            always: { guard: not("asksWoman"), target: "reassurance" },
            on: {
              CHOOSE: { guard: "isWomanAnswer", target: "reassurance", actions: "setWoman" },
              SKIP: "reassurance",
              BACK: "country",
            },
          },
          reassurance: {
            on: {
              NEXT: { target: "evidence", actions: "firstStep" },
              SKIP: { target: "evidence", actions: "firstStep" },
              BACK: [{ guard: "asksWoman", target: "woman" }, { target: "country" }],
            },
          },
          evidence: {
            entry: { type: "visit", params: "evidence" },
            initial: "step",
            states: {
              step: {
                on: {
                  DONE: [
                    { guard: "hasNextStep", actions: ["markDone", "nextStep"], target: "step", reenter: true },
                    { actions: "markDone", target: "#nyf.flow.next" },
                  ],
                  SKIP: [
                    { guard: "hasNextStep", actions: "nextStep", target: "step", reenter: true },
                    { target: "#nyf.flow.next" },
                  ],
                  WHY: "why",
                  BACK: [
                    { guard: "hasPreviousStep", actions: "previousStep", target: "step", reenter: true },
                    { target: "#nyf.flow.reassurance" },
                  ],
                },
              },
              why: { on: { BACK: "step", NEXT: "step" } },
            },
          },
          // Evidence is kept; now taking it down and reporting, in the order they choose: someone going
          // to the police may want to report before anything is removed.
          next: {
            on: {
              CHOOSE: [
                { guard: { type: "isNext", params: "takedown" }, target: "takedown", actions: "firstRoute" },
                { guard: { type: "isNext", params: "reporting" }, target: "reporting" },
              ],
              SKIP: { target: "takedown", actions: "firstRoute" },
              BACK: { target: "evidence", actions: "lastStep" },
            },
          },
          takedown: {
            entry: { type: "visit", params: "takedown" },
            on: {
              NEXT: [
                { guard: "hasNextRoute", actions: "nextRoute", target: "takedown", reenter: true },
                { guard: "visitedReporting", target: "support" },
                { target: "reporting" },
              ],
              SKIP: [{ guard: "visitedReporting", target: "support" }, { target: "reporting" }],
              BACK: [
                { guard: "hasPreviousRoute", actions: "previousRoute", target: "takedown", reenter: true },
                { guard: { type: "isRole", params: "bystander" }, target: "country" },
                { target: "next" },
              ],
            },
          },
          reporting: {
            entry: { type: "visit", params: "reporting" },
            initial: "overview",
            states: {
              overview: {
                on: {
                  HOW: { guard: "hasReports", target: "detail", actions: "firstReport" },
                  LAWS: "laws",
                  // Reporting first, takedown after: someone who chose to report first is then offered takedown.
                  NEXT: [{ guard: "visitedTakedown", target: "#nyf.flow.support" }, { target: "#nyf.flow.takedown", actions: "firstRoute" }],
                  SKIP: [{ guard: "visitedTakedown", target: "#nyf.flow.support" }, { target: "#nyf.flow.takedown", actions: "firstRoute" }],
                  BACK: [{ guard: "visitedTakedown", target: "#nyf.flow.takedown", actions: "lastRoute" }, { target: "#nyf.flow.next" }],
                },
              },
              // One route a screen: what to do there and what it will ask of them.
              detail: {
                on: {
                  NEXT: [{ guard: "hasNextReport", actions: "nextReport", target: "detail", reenter: true }, { target: "overview" }],
                  BACK: [{ guard: "hasPreviousReport", actions: "previousReport", target: "detail", reenter: true }, { target: "overview" }],
                },
              },
              laws: {
                on: {
                  BACK: "overview",
                  NEXT: [{ guard: "visitedTakedown", target: "#nyf.flow.support" }, { target: "#nyf.flow.takedown", actions: "firstRoute" }],
                },
              },
            },
          },
          support: { entry: { type: "visit", params: "support" }, on: { NEXT: "closing", SKIP: "closing", BACK: "reporting" } },
          closing: { entry: { type: "visit", params: "closing" }, on: { BACK: "support" } },
          hist: { type: "history", history: "deep", target: "welcome" },
        },
      },
      crisis: { on: { RESUME: "flow.hist", BACK: "flow.hist" } },
      danger: { on: { RESUME: "flow.hist", BACK: "flow.hist" } },
      child: { on: { BACK: "flow.hist" } },
      helplines: { on: { BACK: "flow.hist" } },
      privacy: { on: { BACK: "flow.hist" } },
      help: { on: { BACK: "flow.hist" } },
      menu: {
        on: {
          BACK: "flow.hist",
          GOTO: [
            { guard: { type: "goesTo", params: "safety" }, target: "flow.safety" },
            { guard: { type: "goesTo", params: "incident" }, target: "flow.incident" },
            { guard: { type: "goesTo", params: "evidence" }, target: "flow.evidence", actions: "firstStep" },
            { guard: { type: "goesTo", params: "takedown" }, target: "flow.takedown", actions: "firstRoute" },
            { guard: { type: "goesTo", params: "reporting" }, target: "flow.reporting" },
            { guard: { type: "goesTo", params: "support" }, target: "flow.support" },
            { guard: { type: "goesTo", params: "closing" }, target: "flow.closing" },
          ],
        },
      },
      language: {
        on: {
          SET_LOCALE: { guard: "isLocale", target: "flow.hist", actions: "setLocale" },
          BACK: "flow.hist",
        },
      },
      // The evidence log, over whatever they were doing; Back returns them there.
      log: {
        initial: "list",
        states: {
          list: {
            on: {
              EDIT: { guard: "hasItems", target: "remove", actions: "firstPage" },
              // A link typed while looking at the log goes straight in: that is why they are here.
              ADD_ITEM: { guard: "hasRoom", target: "list", reenter: true, actions: "addItem" },
              BACK: "#nyf.flow.hist",
            },
          },
          input: {
            on: {
              ADD_ITEM: { guard: "hasRoom", target: "list", actions: ["addItem", "clearAdding"] },
              BACK: { target: "list", actions: "clearAdding" },
            },
          },
          remove: {
            on: {
              REMOVE: [
                { guard: "emptiesLog", target: "list", actions: "removeItem" },
                { target: "remove", reenter: true, actions: "removeItem" },
              ],
              NEXT: { target: "remove", reenter: true, actions: "nextPage" },
              BACK: "list",
            },
          },
        },
      },
      offer: {
        on: {
          ACCEPT: [
            { guard: "hasPending", target: "flow.hist", actions: "acceptPending" },
            { target: "flow.hist" },
          ],
          BACK: { target: "flow.hist", actions: "clearPending" },
        },
      },
      // Letters and forms: made on demand from the log, never stored; only "✓ I sent it" is logged.
      letters: {
        initial: "list",
        states: {
          list: {
            on: {
              LETTER: { guard: "isPlatform", target: "shows", actions: "startLetter" },
              GONE: { guard: "isPlatform", target: "list", reenter: true, actions: "markGone" },
              STILL_UP: { guard: "isPlatform", target: "appeal", actions: "appealFor" },
              MONEY: { guard: ({ context }) => context.evidence.some((i) => i.kind === "money"), target: "money" },
              BACK: "#nyf.flow.hist",
            },
          },
          shows: {
            on: {
              TOGGLE: { guard: "isShows", actions: "toggleShows" },
              DONE: { guard: "hasLetter", target: "complaint" },
              BACK: { target: "list", actions: "clearLetter" },
            },
          },
          complaint: {
            on: {
              SENT: { guard: "hasLetter", target: "list", actions: [{ type: "logSent", params: "complaint" }, "clearLetter"] },
              BACK: "shows",
            },
          },
          appeal: {
            on: {
              SENT: { guard: "hasLetter", target: "list", actions: [{ type: "logSent", params: "appeal" }, "clearLetter"] },
              BACK: { target: "list", actions: "clearLetter" },
            },
          },
          money: { on: { BACK: "list" } },
        },
      },
      // Talking to a counsellor of a partner helpline, in this chat. The case itself (and the way to
      // reach her) lives outside the session; the session holds only its code.
      talk: {
        initial: "consent",
        states: {
          consent: {
            always: { guard: "hasCase", target: "open" },
            on: { SHARE: { guard: "opensCase", target: "open", actions: "openCase" }, BACK: "#nyf.flow.hist" },
          },
          open: { on: { BACK: "#nyf.flow.hist" } },
          ended: { on: { BACK: "#nyf.flow.hist" } },
        },
      },
      report: { on: { BACK: "flow.hist" } },
      summary: { on: { BACK: "flow.hist" } },
      forgetConfirm: { on: { CONFIRM_FORGET: "forgotten", BACK: "flow.hist" } },
      // Terminal for this chat's data: the transport erases everything kept and does not save.
      forgotten: {},
    },
  });
}

export type ConversationMachine = ReturnType<typeof createConversationMachine>;
