import { createActor, type SnapshotFrom, type StateValue } from "xstate";
import { z } from "zod";
import { AgeGroup, CountryId, IncidentId, PlatformId } from "../content/schema.js";
import type { CrisisMatch } from "./crisis-detector.js";
import {
  LOCALES,
  SECTIONS,
  type ConversationEvent,
  type ConversationMachine,
  type Locale,
} from "./machine.js";
import { leafStates, positionOf, statePath } from "./position.js";

/**
 * One turn of the conversation: a stored snapshot and what the person did in, the next snapshot
 * and what to tell them out. Pure and shared by Telegram and the terminal, so both behave alike.
 */

/** Bump when the machine's states or context change shape; older snapshots then start afresh. */
export const SNAPSHOT_VERSION = 1;

const StoredContext = z.object({
  locale: z.enum(LOCALES),
  incident: IncidentId.optional(),
  age: z.union([AgeGroup, z.literal("unknown")]),
  platforms: z.array(PlatformId),
  country: CountryId,
  step: z.number().int().min(0),
  route: z.number().int().min(0),
  report: z.number().int().min(0),
  done: z.array(z.string().max(40)).max(100),
  visited: z.array(z.enum(SECTIONS)),
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
  /** Free text the person typed. Only the crisis verdict is used; the text itself is not kept. */
  | { kind: "text"; crisis: CrisisMatch | undefined; locale: Locale }
  /** A button we cannot read: garbled, forged or from an older version of the bot. */
  | { kind: "unknown-button"; locale: Locale }
  /** Stickers, photos, voice, locations and other things the bot cannot use. */
  | { kind: "unsupported"; locale: Locale };

/** A calm line shown above the screen. */
export type Notice =
  | "welcome-back"
  | "lost-session"
  | "stale-button"
  | "not-understood"
  | "unsupported";

export interface Turn {
  stored: StoredConversation;
  snapshot: ConversationSnapshot;
  notice: Notice | undefined;
  /** The person confirmed /forget: erase everything kept for this chat and save nothing. */
  forget: boolean;
  /** A crisis was detected in what they typed. Counted, never logged with the text. */
  crisis: boolean;
}

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
]);

interface Restored {
  snapshot: ConversationSnapshot;
  lost: boolean;
}

/** Restores a stored snapshot, or starts afresh when there is none or it cannot be trusted. */
export function restore(machine: ConversationMachine, stored: unknown, locale: Locale): Restored {
  if (stored !== undefined) {
    const parsed = StoredConversation.safeParse(stored);
    if (parsed.success) {
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
  return { snapshot: fresh(machine, locale), lost: stored !== undefined };
}

function fresh(machine: ConversationMachine, locale: Locale): ConversationSnapshot {
  const actor = createActor(machine, { input: { locale } });
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

/** Runs one turn. `stored` is whatever the store returned (undefined for a new chat). */
export function runTurn(machine: ConversationMachine, stored: unknown, input: PersonInput): Turn {
  const { snapshot: before, lost } = restore(machine, stored, input.locale);
  let snapshot = before;
  let notice: Notice | undefined = lost ? "lost-session" : undefined;
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
        snapshot = send(machine, before, input.event);
      }
      break;
    }
    case "text":
      if (input.crisis) {
        crisis = true;
        snapshot = send(machine, before, { type: "CRISIS" });
      } else {
        notice ??= "not-understood";
      }
      break;
    case "unsupported":
      notice ??= "unsupported";
      break;
    case "unknown-button":
      notice = stored === undefined || lost ? "lost-session" : "stale-button";
      snapshot = send(machine, before, { type: "MENU" });
      break;
  }

  const forget = snapshot.matches("forgotten");
  return { stored: persist(machine, snapshot), snapshot, notice: forget ? undefined : notice, forget, crisis };
}
