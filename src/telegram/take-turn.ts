import type { PersonInput } from "../conversation/turn.js";
import type { ChatVault, Loaded } from "../privacy/chat-vault.js";
import { reply, type Reply, type ReplyDeps } from "../screens/reply.js";
import { ChatRecord, SEEN_KEPT } from "./chat-record.js";

/** No grammY here: the terminal playground takes turns through this same function. */

export interface TurnDeps extends ReplyDeps {
  vault: ChatVault;
}

export interface TurnLog {
  debug(obj: object, msg: string): void;
  info(msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface LoadedRecord {
  record: ChatRecord | undefined;
  /** What was found, as found: a record that exists but doesn't parse becomes a "lost session" turn. */
  raw: unknown;
  version: number;
  storeDown: boolean;
}

export interface TakenTurn extends Reply {
  /** The store could not be read or written: the screen is shown, progress is not kept. */
  storeDown: boolean;
  /** This update was taken in before (Telegram delivered it again): show nothing. */
  duplicate?: boolean;
}

/** What the update's gate read: the record, or the error that kept it from reading one. */
export type Preloaded = Loaded | { unreachable: unknown };

export interface TurnOptions {
  /** What the update's gate already read, if anything. */
  preloaded?: Preloaded;
  /** The update's id, remembered in the record so a re-delivery is answered once. */
  updateId?: number;
}

/** Another instance writing the same chat at the same moment is rare; a few replays settle it. */
const MAX_ATTEMPTS = 5;

/**
 * Loads the chat's record (or takes the one already loaded with the update's claim); a store
 * outage is logged and treated as "nothing kept" so help still works.
 */
export async function loadRecord(vault: ChatVault, chatId: number, log: TurnLog, preloaded?: Preloaded): Promise<LoadedRecord> {
  try {
    // The gate found the store down a moment ago: don't wait on it a second time for this update.
    if (preloaded && "unreachable" in preloaded) throw preloaded.unreachable;
    const { data, version } = preloaded ?? (await vault.load(chatId));
    const parsed = ChatRecord.safeParse(data);
    return { record: parsed.success ? parsed.data : undefined, raw: data, version, storeDown: false };
  } catch (error) {
    log.warn({ err: error }, "store unavailable on load");
    return { record: undefined, raw: undefined, version: 0, storeDown: true };
  }
}

/**
 * One update through the conversation: load → turn → commit, and only then is there something to
 * show. The write is a compare-and-set: if another instance committed this chat in between, the
 * turn is replayed on the newer state (the machine is pure, so replaying is safe), and the screen
 * shown is always the one the store now holds.
 */
export async function takeTurn(deps: TurnDeps, chatId: number, input: PersonInput, log: TurnLog, options: TurnOptions = {}): Promise<TakenTurn> {
  const { updateId } = options;
  for (let attempt = 1; ; attempt++) {
    // The first attempt uses what the update's gate already read; a replay must read afresh.
    const loaded = await loadRecord(deps.vault, chatId, log, attempt === 1 ? options.preloaded : undefined);
    // With the store out of reach the session isn't lost, only unreadable for now: the
    // transport's "can't reach or save your progress" says so, not "couldn't pick up".
    const result = reply(deps, loaded.record ? loaded.record.conversation : loaded.raw, input, { turnNotice: !loaded.storeDown });
    // Checked on every attempt: the other instance that won a race may have been handling this very update.
    if (updateId !== undefined && loaded.record?.seen.includes(updateId)) return { ...result, storeDown: false, duplicate: true };

    if (result.turn.forget) {
      try {
        await deps.vault.erase(chatId);
        log.info("session forgotten");
        return { ...result, storeDown: false };
      } catch (error) {
        log.error({ err: error }, "forget failed: store unavailable");
        return { ...result, storeDown: true };
      }
    }
    // After a failed load we don't save: a fresh session must not overwrite progress we couldn't read.
    if (loaded.storeDown) return { ...result, storeDown: true };

    try {
      const seen = updateId === undefined ? (loaded.record?.seen ?? []) : [...(loaded.record?.seen ?? []), updateId].slice(-SEEN_KEPT);
      const record: ChatRecord = { conversation: result.turn.stored, seen };
      if (await deps.vault.save(chatId, record, loaded.version)) return { ...result, storeDown: false };
    } catch (error) {
      log.warn({ err: error }, "store unavailable on save");
      return { ...result, storeDown: true };
    }
    if (attempt >= MAX_ATTEMPTS) {
      log.warn({ attempts: attempt }, "write conflicts did not settle; not saved");
      return { ...result, storeDown: true };
    }
    log.debug({ attempt }, "write conflict: replaying the turn on the newer state");
  }
}
