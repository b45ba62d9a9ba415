import type { PersonInput } from "../conversation/turn.js";
import type { ChatVault } from "../privacy/chat-vault.js";
import { reply, type Reply, type ReplyDeps } from "../screens/reply.js";
import { ChatRecord } from "./chat-record.js";

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
}

/** Another instance writing the same chat at the same moment is rare; a few replays settle it. */
const MAX_ATTEMPTS = 5;

/** Loads the chat's record; a store outage is logged and treated as "nothing kept" so help still works. */
export async function loadRecord(vault: ChatVault, chatId: number, log: TurnLog): Promise<LoadedRecord> {
  try {
    const { data, version } = await vault.load(chatId);
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
export async function takeTurn(deps: TurnDeps, chatId: number, input: PersonInput, log: TurnLog): Promise<TakenTurn> {
  for (let attempt = 1; ; attempt++) {
    const loaded = await loadRecord(deps.vault, chatId, log);
    // With the store out of reach the session isn't lost, only unreadable for now: the
    // transport's "can't reach or save your progress" says so, not "couldn't pick up".
    const result = reply(deps, loaded.record ? loaded.record.conversation : loaded.raw, input, { turnNotice: !loaded.storeDown });

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
      const record: ChatRecord = { conversation: result.turn.stored };
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
