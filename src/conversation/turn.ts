import { createActor, type SnapshotFrom, type StateValue } from "xstate";
import * as z from "zod/mini";
import { CountryId, IncidentId, PlatformId } from "../content/schema.js";
import { AddableKind, EvidenceItem, FileFields, LIMITS, type NewItem, type TypedKind } from "../evidence/item.js";
import { formatBytes } from "../evidence/describe.js";
import { findLink, findLinks, parseHandle, parseLink, parseMoney, parseNote, parseWhen, type ParseError } from "../evidence/parse.js";
import type { CrisisMatch } from "./crisis-detector.js";
import {
  CASE_CODE,
  IMAGE_AGES,
  LOCALES,
  PENDING_KEPT,
  ROLES,
  SHARES,
  SHOWS,
  WOMAN_ANSWERS,
  SECTIONS,
  type ConversationEvent,
  type ConversationMachine,
  type Locale,
  type Share,
} from "./machine.js";
import { leafStates, positionOf, statePath } from "./position.js";
import { keepsImages } from "./steps.js";

/**
 * One turn of the conversation: a stored snapshot and what the person did in, the next snapshot
 * and what to tell them out. Pure and shared by Telegram and the terminal, so both behave alike.
 */

/** Typed words held at the log: a Telegram message's length. */
const DRAFT_MAX = 4096;

/** Bump when the machine's states or context change shape; older snapshots then start afresh. */
export const SNAPSHOT_VERSION = 1;

/** An offered item is a whole item but for its id. */
const PendingItem = z.custom<NewItem>(
  (p) => typeof p === "object" && p !== null && EvidenceItem.safeParse({ ...p, id: 1 }).success,
);

const StoredContext = z.object({
  locale: z.enum(LOCALES),
  // Added with the helper path; earlier snapshots are the person's own.
  role: z._default(z.enum(ROLES), "self"),
  incident: z.optional(IncidentId),
  // Added with the "also threatened" and "are you a woman?" questions; earlier snapshots answered neither.
  alsoThreat: z._default(z.boolean(), false),
  woman: z._default(z.enum([...WOMAN_ANSWERS, "unknown"]), "unknown"),
  // Earlier snapshots asked about the person: "minor" and "adult" keep their meaning, and "unknown"
  // (skipped or "rather not say") takes the same under-18 path as "not sure".
  age: z.union([z.enum(IMAGE_AGES), z.literal("unknown")]),
  platforms: z.array(PlatformId),
  country: CountryId,
  step: z.int().check(z.minimum(0)),
  route: z.int().check(z.minimum(0)),
  report: z.int().check(z.minimum(0)),
  done: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(100)),
  visited: z.array(z.enum(SECTIONS)),
  // Added with the evidence log; snapshots from before it restore with an empty log.
  evidence: z._default(z.array(EvidenceItem).check(z.maxLength(LIMITS.items)), []),
  nextId: z._default(z.int().check(z.minimum(1)), 1),
  // Offers are fleeting: any that no longer read as items are dropped, not the whole session.
  pending: z._default(z.catch(z.array(PendingItem).check(z.maxLength(PENDING_KEPT)), []), []),
  offers: z._default(z.int().check(z.minimum(0)), 0),
  adding: z.optional(AddableKind),
  page: z._default(z.int().check(z.minimum(0)), 0),
  draft: z.optional(z.string().check(z.maxLength(DRAFT_MAX))),
  // Added with /letters: the complaint being drafted, platforms she said took it down, and the turn's clock.
  letter: z.optional(z.object({ platform: PlatformId, shows: z.array(z.enum(SHOWS)).check(z.maxLength(SHOWS.length)) })),
  resolved: z._default(z.array(PlatformId).check(z.maxLength(PlatformId.options.length)), []),
  now: z.optional(z.iso.datetime()),
  // Added with the counsellor hand-off: the open case's code.
  caseCode: z.optional(z.string().check(z.regex(CASE_CODE))),
});

/** What is stored: a versioned envelope around XState's persisted snapshot. */
export const StoredConversation = z.object({
  v: z.literal(SNAPSHOT_VERSION),
  snapshot: z.looseObject({
    status: z.literal("active"),
    value: z.union([z.string(), z.record(z.string(), z.unknown())]),
    context: StoredContext,
  }),
});
export type StoredConversation = z.infer<typeof StoredConversation>;

export type PersonInput =
  /** /start: a new chat begins; a known one is shown where it was. */
  | { kind: "start"; locale: Locale }
  /** A command or button that maps straight to an event. `screen` is set for buttons. */
  | { kind: "event"; event: ConversationEvent; screen?: string; locale: Locale }
  /**
   * Free text the person typed. Kept only when it is evidence they chose to log (encrypted, in the
   * session); otherwise only the crisis verdict is used. `at` is when Telegram received it.
   */
  | { kind: "text"; crisis: CrisisMatch | undefined; locale: Locale; text?: string; at?: string }
  /** A photo, video or document: fingerprinted by the transport, or why it wasn't. The file is never kept. */
  | { kind: "file"; locale: Locale; at: string; fingerprint: FileFingerprint | undefined; refused?: FileRefusal; caption?: string }
  /** A button we cannot read: garbled, forged or from an older version of the bot. */
  | { kind: "unknown-button"; locale: Locale }
  /** Stickers, photos, voice, locations and other things the bot cannot use. */
  | { kind: "unsupported"; locale: Locale };

/** What the transport learned from a file, streaming it once. */
export type FileFingerprint = z.infer<typeof FileFields>;

/** Why a file was not fingerprinted. */
export type FileRefusal = "minor" | "too-big" | "unavailable";

/** A calm line shown above the screen. */
export type Notice =
  | "welcome-back"
  | "lost-session"
  | "stale-button"
  | "not-understood"
  | "unsupported"
  | "item-added"
  | "added-as-link"
  | "file-added"
  | "log-full"
  | "send-file"
  | "choose-kind"
  | `file-${FileRefusal}`
  | "file-minor-link-kept"
  | "unknown-command"
  | "talk-not-passed"
  | ParseError;

export interface Turn {
  stored: StoredConversation;
  snapshot: ConversationSnapshot;
  notice: Notice | undefined;
  /** The person confirmed /forget: erase everything kept for this chat and save nothing. */
  forget: boolean;
  /** A crisis was detected in what they typed. Counted, never logged with the text. */
  crisis: boolean;
  /** Values for the notice's text (a fingerprint, a limit). */
  noticeArgs?: Record<string, string | number>;
  /** They asked for their report: the transport renders it and sends it after this screen. */
  report: boolean;
  /** A text to send after the screen as a message that copies with one tap (made from the log, never stored). */
  copy?: Copy | undefined;
  /** What the counselling case needs from the transport after this turn is saved. */
  talk?: TalkEffect | undefined;
}

/**
 * - open: she consented; open case `code` and share what she chose.
 * - relay: what she wrote goes to the counsellor (the screen stays as it is; nothing is shown for it
 *   unless it was a crisis).
 * - end: the case `code` is over (she ended it, or /forget); tell the counsellors and erase it.
 */
export type TalkEffect =
  | { kind: "open"; code: string; share: Share }
  | { kind: "relay"; code: string; crisis: boolean }
  /** She sent a photo, file, voice or sticker in the case: it is not passed on, and the case is told so. */
  | { kind: "not-passed"; code: string }
  | { kind: "end"; code: string; by: "her" | "forget" };

/** Which copyable text this turn opened: a complaint or appeal to a platform, or the 1930 money pack. */
export type Copy = { kind: "complaint" | "appeal"; platform: string } | { kind: "money" };

export type ConversationSnapshot = SnapshotFrom<ConversationMachine>;

/** Events that make sense from any screen, so an old button carrying one is still honoured. */
const GLOBAL_EVENTS = new Set<ConversationEvent["type"]>([
  "CRISIS",
  "HELPLINES",
  "PRIVACY",
  "HELP",
  "MENU",
  "LANGUAGE",
  "FORGET",
  "RESTART",
  "LOG",
  "ADD",
  "REPORT",
  "SUMMARY",
  "LETTERS",
  "TALK",
  "END_TALK",
]);

/** Validates typed text as the kind of item the log is waiting for. */
function parseTyped(kind: TypedKind, text: string, at: string, timeZone: string) {
  switch (kind) {
    case "link":
      return parseLink(text);
    case "handle":
      return parseHandle(text);
    case "date":
      return parseWhen(text, new Date(at), timeZone);
    case "money":
      return parseMoney(text);
    case "note":
      return parseNote(text);
  }
}

/** The notice for an item going in: a file gets its fingerprint read back to them. */
function addedNotice(item: NewItem, count: number): Pick<Turn, "notice" | "noticeArgs"> {
  if (item.kind === "file") return { notice: "file-added", noticeArgs: { sha256: item.sha256, size: formatBytes(item.size), count } };
  return { notice: "item-added", noticeArgs: { count } };
}


/**
 * Whether images may be fingerprinted for this chat: only on the adult path (everyone in the images
 * was 18 or older) and only for the person it happened to. "Not sure", a skipped question and a
 * helper never send images: if a child is in them, sending one on is itself an offence.
 */
export function acceptsImages(machine: ConversationMachine, stored: unknown): boolean {
  return keepsImages(restore(machine, stored, "en").snapshot.context);
}

interface Restored {
  snapshot: ConversationSnapshot;
  lost: boolean;
}

/**
 * Restores a stored snapshot, or starts afresh when there is none or it cannot be trusted. `now` is
 * the time of this turn: screens are pure, and "sent 3 days ago" needs to know when now is.
 */
export function restore(machine: ConversationMachine, stored: unknown, locale: Locale, now?: string): Restored {
  if (stored !== undefined) {
    const parsed = StoredConversation.safeParse(stored);
    if (parsed.success) {
      // zod handed back a fresh object: the clock goes into it before XState sees it.
      if (now !== undefined) parsed.data.snapshot.context.now = now;
      try {
        // XState trusts what it is given: a renamed state throws, sometimes as a bare TypeError, and
        // an actor that failed to restore rethrows later, outside any try, unless someone listens.
        if (!leafStates(machine).has(statePath(parsed.data.snapshot.value as StateValue))) throw new Error("unknown state");
        const actor = createActor(machine, { snapshot: parsed.data.snapshot as never, input: { locale } });
        actor.subscribe({ error: () => undefined });
        actor.start();
        const snapshot = actor.getSnapshot();
        actor.stop();
        if (snapshot.status === "active") return { snapshot, lost: false };
      } catch {
        // fall through to a fresh start
      }
    }
  }
  return { snapshot: fresh(machine, locale, now), lost: stored !== undefined };
}

function fresh(machine: ConversationMachine, locale: Locale, now?: string): ConversationSnapshot {
  const actor = createActor(machine, { input: { locale, now } });
  actor.start();
  const snapshot = actor.getSnapshot();
  actor.stop();
  return snapshot;
}

function send(machine: ConversationMachine, from: ConversationSnapshot, event: ConversationEvent): ConversationSnapshot {
  const actor = createActor(machine, { snapshot: from, input: { locale: from.context.locale } });
  actor.start();
  actor.send(event);
  const snapshot = actor.getSnapshot();
  actor.stop();
  return snapshot;
}

export function persist(machine: ConversationMachine, snapshot: ConversationSnapshot): StoredConversation {
  const persisted = machine.getPersistedSnapshot(snapshot);
  // Round-trip through JSON so what we hand the store is exactly what a restore will see.
  return { v: SNAPSHOT_VERSION, snapshot: JSON.parse(JSON.stringify(persisted)) as StoredConversation["snapshot"] };
}

export interface TurnOptions {
  /** Their country's time zone, for "today" and "yesterday" in a date they type. */
  timeZoneOf?: (country: ConversationSnapshot["context"]["country"]) => string;
  /** The clock (tests inject one): what "3 days ago" and "is the complaint due?" are measured against. */
  now?: () => Date;
  /** A fresh random case code, for consent to talk to a counsellor (tests inject one). */
  caseCode?: () => string;
}

/** Runs one turn. `stored` is whatever the store returned (undefined for a new chat). */
export function runTurn(machine: ConversationMachine, stored: unknown, input: PersonInput, options: TurnOptions = {}): Turn {
  const { snapshot: before, lost } = restore(machine, stored, input.locale, (options.now?.() ?? new Date()).toISOString());
  let snapshot = before;
  let notice: Notice | undefined = lost ? "lost-session" : undefined;
  let noticeArgs: Record<string, string | number> | undefined;
  let crisis = false;

  switch (input.kind) {
    case "start":
      if (stored !== undefined && !lost && !snapshot.matches({ flow: "welcome" })) notice = "welcome-back";
      break;
    case "event": {
      const stale = input.screen !== undefined && input.screen !== positionOf(before);
      if (stale && !GLOBAL_EVENTS.has(input.event.type)) {
        // A button from an older screen or a lost session: show where they are instead of guessing.
        if (lost || stored === undefined) {
          // Nothing to go back to: the menu lets them choose where to pick up.
          notice = "lost-session";
          snapshot = send(machine, before, { type: "MENU" });
        } else {
          notice = "stale-button";
        }
      } else {
        const event = input.event.type === "SHARE" && options.caseCode ? { ...input.event, code: options.caseCode() } : input.event;
        snapshot = send(machine, before, event);
        if (input.event.type === "ACCEPT") ({ notice, noticeArgs } = accepted(before, snapshot, notice));
        if (before.context.draft !== undefined) {
          const timeZone = options.timeZoneOf?.(before.context.country) ?? "UTC";
          ({ snapshot, notice, noticeArgs } = useDraft(machine, before.context.draft, { snapshot, notice, noticeArgs }, input.event, timeZone));
        }
      }
      break;
    }
    case "text":
      if (input.crisis) {
        crisis = true;
        snapshot = send(machine, before, { type: input.crisis.kind === "danger" ? "DANGER" : "CRISIS" });
      } else if (relays(before, input.text)) {
        // In a case her words are for the counsellor, not the walkthrough: nothing changes here.
      } else {
        const timeZone = options.timeZoneOf?.(before.context.country) ?? "UTC";
        ({ snapshot, notice, noticeArgs } = typed(machine, before, input, notice, timeZone));
      }
      break;
    case "file":
      // In a case, an image is not passed on; at her log it is still evidence she chose to add.
      if (before.context.caseCode !== undefined && !takesItems(before)) notice ??= "talk-not-passed";
      else ({ snapshot, notice, noticeArgs } = fileSent(machine, before, input, notice));
      break;
    case "unsupported":
      notice ??= before.context.caseCode !== undefined ? "talk-not-passed" : "unsupported";
      break;
    case "unknown-button":
      notice = stored === undefined || lost ? "lost-session" : "stale-button";
      snapshot = send(machine, before, { type: "MENU" });
      break;
  }

  const forget = snapshot.matches("forgotten");
  const report = input.kind === "event" && input.event.type === "REPORT" && snapshot.matches("report");
  const copy = copyOpened(before, snapshot);
  const talk = notice === "talk-not-passed" && before.context.caseCode !== undefined ? { kind: "not-passed" as const, code: before.context.caseCode } : talkEffect(before, snapshot, input, forget);
  return {
    stored: persist(machine, snapshot),
    snapshot,
    notice: forget ? undefined : notice,
    ...(noticeArgs && !forget ? { noticeArgs } : {}),
    forget,
    crisis,
    report,
    ...(copy ? { copy } : {}),
    ...(talk ? { talk } : {}),
  };
}

/** Text typed while a case is open goes to the counsellor, unless her log is waiting for it or it is a command. */
function relays(before: ConversationSnapshot, text: string | undefined): boolean {
  if (before.context.caseCode === undefined || text === undefined || text.trim() === "") return false;
  if (before.matches({ log: "input" }) && before.context.adding !== undefined) return false;
  return !text.startsWith("/");
}

/** What the case needs after this turn: opened, a message to pass on, or ended. */
function talkEffect(before: ConversationSnapshot, after: ConversationSnapshot, input: PersonInput, forget: boolean): TalkEffect | undefined {
  const was = before.context.caseCode;
  const now = after.context.caseCode;
  if (was === undefined && now !== undefined) {
    const share = input.kind === "event" && input.event.type === "SHARE" ? input.event.value : "none";
    return { kind: "open", code: now, share: (SHARES as readonly string[]).includes(share) ? (share as Share) : "none" };
  }
  if (was === undefined) return undefined;
  if (forget) return { kind: "end", code: was, by: "forget" };
  if (now === undefined) return input.kind === "event" && input.event.type === "CASE_ENDED" ? undefined : { kind: "end", code: was, by: "her" };
  if (input.kind === "text" && (input.crisis !== undefined || relays(before, input.text))) return { kind: "relay", code: was, crisis: input.crisis !== undefined };
  return undefined;
}

/** A complaint, appeal or money pack is sent as a copyable message once, when its screen opens. */
function copyOpened(before: ConversationSnapshot, after: ConversationSnapshot): Copy | undefined {
  const entered = (state: "complaint" | "appeal" | "money") => after.matches({ letters: state }) && !before.matches({ letters: state });
  const platform = after.context.letter?.platform;
  if (entered("complaint") && platform) return { kind: "complaint", platform };
  if (entered("appeal") && platform) return { kind: "appeal", platform };
  if (entered("money")) return { kind: "money" };
  return undefined;
}

interface Step {
  snapshot: ConversationSnapshot;
  notice: Notice | undefined;
  noticeArgs?: Record<string, string | number> | undefined;
}

/** Puts a validated item in the log, or says why it can't go in. */
function addItem(machine: ConversationMachine, before: ConversationSnapshot, item: NewItem): Step {
  if (before.context.evidence.length >= LIMITS.items) return { snapshot: before, notice: "log-full", noticeArgs: { max: LIMITS.items } };
  const snapshot = send(machine, before, { type: "ADD_ITEM", item });
  return { snapshot, ...addedNotice(item, snapshot.context.evidence.length) };
}

/**
 * Words typed at the log before they said what they are: once a kind is chosen they become that
 * item, so nothing has to be typed twice. Any other tap lets them go.
 */
function useDraft(machine: ConversationMachine, draft: string, step: Step, event: ConversationEvent, timeZone: string): Step {
  const cleared = send(machine, step.snapshot, { type: "DRAFT", text: undefined });
  const adding = cleared.context.adding;
  if (event.type !== "ADD" || !cleared.matches({ log: "input" }) || adding === undefined || adding === "file") {
    return { ...step, snapshot: cleared };
  }
  return typed(machine, cleared, { kind: "text", crisis: undefined, locale: cleared.context.locale, text: draft }, step.notice, timeZone);
}

/** "/something" that isn't one of ours: a command, not words to keep or offer. */
const UNKNOWN_COMMAND = /^\/[A-Za-z0-9_]+(@\w+)?(\s|$)/;

/** Typed text: evidence when the log is waiting for it, an offer when it holds a link, else a kind redirect. */
function typed(
  machine: ConversationMachine,
  before: ConversationSnapshot,
  input: Extract<PersonInput, { kind: "text" }>,
  notice: Notice | undefined,
  timeZone: string,
): Step {
  const text = input.text ?? "";
  const at = input.at ?? new Date().toISOString();
  const adding = before.context.adding;
  if (UNKNOWN_COMMAND.test(text)) return { snapshot: before, notice: "unknown-command" };
  if (before.matches({ log: "input" }) && adding && adding !== "file") {
    const parsed = parseTyped(adding, text, at, timeZone);
    if (!parsed.ok) {
      // A link where a date, an amount or an account was asked for is still evidence: keep it as a link.
      const link = adding === "note" ? undefined : findLink(text);
      if (link && link.length <= LIMITS.link) {
        const added = addItem(machine, before, { kind: "link", at, url: link });
        return added.notice === "item-added" ? { ...added, notice: "added-as-link" } : added;
      }
      return { snapshot: before, notice: parsed.error, noticeArgs: { max: limitFor(parsed.error) } };
    }
    return addItem(machine, before, { kind: adding, at, ...parsed.value } as NewItem);
  }
  const links = linksIn(text);
  if (takesItems(before)) {
    // Waiting for a file, or looking at the log: links go straight in; anything else needs a kind
    // first, and is held (encrypted, in the session) until they choose one.
    if (links.length === 0) {
      if (adding === "file") return { snapshot: before, notice: "send-file" };
      return { snapshot: send(machine, before, { type: "DRAFT", text: text.slice(0, DRAFT_MAX) }), notice: "choose-kind" };
    }
    const snapshot = takeLinks(machine, before, links, at, true);
    const added = snapshot.context.evidence.length - before.context.evidence.length;
    if (added < links.length) return { snapshot, notice: "log-full", noticeArgs: { max: LIMITS.items } };
    return { snapshot, notice: "item-added", noticeArgs: { count: snapshot.context.evidence.length } };
  }
  if (links.length > 0) return { snapshot: takeLinks(machine, before, links, at, false), notice };
  return { snapshot: before, notice: notice ?? "not-understood" };
}

function fileSent(machine: ConversationMachine, before: ConversationSnapshot, input: Extract<PersonInput, { kind: "file" }>, notice: Notice | undefined): Step {
  let step: Step;
  if (input.refused || !input.fingerprint) {
    const refusal = input.refused ?? "unavailable";
    step = { snapshot: before, notice: `file-${refusal}`, noticeArgs: { max: LIMITS.fileBytes / (1024 * 1024) } };
  } else {
    const item: NewItem = { kind: "file", at: input.at, ...input.fingerprint };
    step = takesItems(before) ? addItem(machine, before, item) : { snapshot: send(machine, before, { type: "OFFER", item }), notice };
  }
  // Links written under it (a caption) are evidence too, taken like typed ones; the file's own notice stays.
  const links = linksIn(input.caption ?? "");
  if (links.length === 0) return step;
  const inLog = takesItems(step.snapshot);
  step = { ...step, snapshot: takeLinks(machine, step.snapshot, links, input.at, inLog) };
  // "Send me the link instead" would be wrong when the link they sent is already in the log.
  if (inLog && step.notice === "file-minor") step = { ...step, notice: "file-minor-link-kept" };
  return step;
}

/** The log's list and its "send me…" screen take items straight in; anywhere else (its remove list too) they are offered. */
const takesItems = (s: ConversationSnapshot) => s.matches({ log: "list" }) || s.matches({ log: "input" });

/** The links in what they wrote that the log can hold. */
const linksIn = (text: string) => findLinks(text, PENDING_KEPT).filter((url) => url.length <= LIMITS.link);

/** Links go straight into the log (as room allows) when `inLog`; otherwise they are offered. */
function takeLinks(machine: ConversationMachine, from: ConversationSnapshot, links: readonly string[], at: string, inLog: boolean): ConversationSnapshot {
  let snapshot = from;
  for (const url of links) {
    const item: NewItem = { kind: "link", at, url };
    if (inLog && snapshot.context.evidence.length >= LIMITS.items) break;
    snapshot = send(machine, snapshot, inLog ? { type: "ADD_ITEM", item } : { type: "OFFER", item });
  }
  return snapshot;
}

/** "Add it to my log?" → yes: say they went in (with its fingerprint for one file), or that the log is full. */
function accepted(before: ConversationSnapshot, after: ConversationSnapshot, notice: Notice | undefined): Pick<Step, "notice" | "noticeArgs"> {
  const offered = before.context.pending;
  if (offered.length === 0) return { notice };
  const added = after.context.evidence.length - before.context.evidence.length;
  if (added < offered.length) return { notice: "log-full", noticeArgs: { max: LIMITS.items } };
  const [only] = offered;
  if (offered.length === 1 && only) return addedNotice(only, after.context.evidence.length);
  return { notice: "item-added", noticeArgs: { count: after.context.evidence.length } };
}

/** The limit a "too long" notice states. */
function limitFor(error: ParseError): number {
  if (error === "note-too-long") return LIMITS.note;
  if (error === "link-too-long") return LIMITS.link;
  if (error === "handle-too-long") return LIMITS.handle;
  return LIMITS.what;
}
