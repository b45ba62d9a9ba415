import { createHmac, hkdfSync, randomInt, randomUUID } from "node:crypto";
import * as z from "zod/mini";
import { CASE_CODE, CASE_CODE_ALPHABET, LOCALES, SHARES } from "../conversation/machine.js";
import { BRIEF_RETRIES, RetryingStore, type RetryPolicy } from "../store/retrying-store.js";
import type { SessionStore } from "../store/session-store.js";
import { decrypt, encrypt } from "./cipher.js";

/**
 * Counselling cases, as the store keeps them while they are open. The only place where a case
 * code meets a chat id.
 *
 * - A case record is keyed by an HMAC of its code and encrypted as a whole under a key derived
 *   from the secret and the code: the chat id inside it is readable only with both.
 * - A link names a counsellors' group message (reply-thread mode) or topic (forum mode) by an HMAC
 *   and holds the case code, encrypted; when the case ends it becomes a tombstone ("ended") with no
 *   code, so a late reply can be told "this case has ended" and nothing more.
 * - The index lists open codes (encrypted), so any instance can end idle cases and send "no answer
 *   yet" notices after a restart.
 * After a case ends the database holds no trace of who it was with.
 */

export const CASE_PREFIX = "nyf:v2:c:";
export const LINK_PREFIX = "nyf:v2:g:";
export const INDEX_KEY = "nyf:v2:cases";

/** How long a tombstone answers "this case has ended": a week of late replies. */
const TOMBSTONE_SECONDS = 7 * 24 * 3600;
/** The record outlives her session a little, so the sweeper can still close the topic and tell both sides. */
const GRACE_SECONDS = 3600;
/** Writers racing on one record (two instances, her message and a counsellor's) settle in a few rounds. */
const MAX_ATTEMPTS = 8;

export const Place = z.union([
  z.object({ mode: z.literal("topic"), thread: z.int() }),
  z.object({ mode: z.literal("thread"), anchor: z.int() }),
]);
export type Place = z.infer<typeof Place>;

export const CaseRecord = z.object({
  chat: z.int(),
  /** Where the case lives in the group; unset for the moment while it is being opened. */
  place: z.optional(Place),
  /**
   * Her messages that arrived while the case was being opened (ids in her chat, never their words),
   * passed on in order once it is open; `crisis` marks those the crisis check flagged.
   */
  pending: z._default(z.array(z.object({ id: z.int(), crisis: z.boolean() })).check(z.maxLength(50)), []),
  share: z.enum(SHARES),
  locale: z.enum(LOCALES),
  openedAt: z.number(),
  lastHerAt: z.number(),
  lastCounsellorAt: z.optional(z.number()),
  /** Her first message since a counsellor last wrote. */
  waitingSince: z.optional(z.number()),
  /** When she was last told nobody has answered yet / that they are closed. */
  waitNoticeAt: z.optional(z.number()),
  offHoursNoticeAt: z.optional(z.number()),
  /** Group message ids linked to this case, erased (tombstoned) with it. */
  links: z._default(z.array(z.int()).check(z.maxLength(2000)), []),
});
export type CaseRecord = z.infer<typeof CaseRecord>;

export type LinkKind = "message" | "topic";
export type Found = { code: string } | { ended: true } | undefined;

const Link = z.union([z.object({ code: z.string().check(z.regex(CASE_CODE)) }), z.object({ ended: z.literal(true) })]);
const Index = z.array(z.string().check(z.regex(CASE_CODE)));

/** A fresh random case code: never derived from anything about her. */
export function newCaseCode(): string {
  let code = "";
  for (let i = 0; i < 6; i++) code += CASE_CODE_ALPHABET[randomInt(CASE_CODE_ALPHABET.length)];
  return code;
}

export class CaseVault {
  readonly #linkKey: Buffer;
  readonly #indexKey: Buffer;
  readonly #store: SessionStore;

  constructor(
    store: SessionStore,
    private readonly secret: string,
    private readonly ttlSeconds: number,
    /** The counsellors' group: part of every link's name, so two groups never share one. */
    private readonly groupId: number,
    retries: RetryPolicy = BRIEF_RETRIES,
  ) {
    // A case is worked on after her screen is shown, in several steps: a moment's store failure
    // (a stalled process's timed-out command) must not undo an opening half done.
    this.#store = new RetryingStore(store, retries);
    this.#linkKey = Buffer.from(hkdfSync("sha256", secret, "nyf:v2:case", "links", 32));
    this.#indexKey = Buffer.from(hkdfSync("sha256", secret, "nyf:v2:case", "index", 32));
  }

  #name(what: string): string {
    return createHmac("sha256", this.secret).update(what).digest("hex");
  }

  #caseKey(code: string): string {
    return `${CASE_PREFIX}${this.#name(`case:${code}`)}`;
  }

  #recordKey(code: string): Buffer {
    return Buffer.from(hkdfSync("sha256", this.secret, "nyf:v2:case", `record:${code}`, 32));
  }

  #linkName(kind: LinkKind, id: number): string {
    return `${LINK_PREFIX}${this.#name(`${kind}:${this.groupId}:${id}`)}`;
  }

  /** An 8-character tag for log lines: enough to follow a case, never its code. */
  tag(code: string): string {
    return this.#name(`case:${code}`).slice(0, 8);
  }

  /** Stores a new case under `code`; false when the code is taken (then the caller gives up on it). */
  async create(code: string, record: CaseRecord): Promise<boolean> {
    const key = this.#caseKey(code);
    const made = await this.#store.compareAndSet(key, encrypt(this.#recordKey(code), JSON.stringify(record), key), 0, this.ttlSeconds + GRACE_SECONDS);
    if (made === undefined) return false;
    await this.#editIndex((codes) => (codes.includes(code) ? codes : [...codes, code]));
    return true;
  }

  async load(code: string): Promise<{ record: CaseRecord; version: number } | undefined> {
    const key = this.#caseKey(code);
    const found = await this.#store.get(key);
    if (!found) return undefined;
    const plain = decrypt(this.#recordKey(code), found.value, key);
    const parsed = plain === undefined ? undefined : CaseRecord.safeParse(safeJson(plain));
    return parsed?.success ? { record: parsed.data, version: found.version } : undefined;
  }

  /**
   * Changes a case with a compare-and-set, replaying `change` on the newer record when another
   * writer got there first. `change` returns undefined to leave it as it is. Returns what is stored
   * after, or undefined when there is no such case.
   */
  async update(code: string, change: (record: CaseRecord) => CaseRecord | undefined): Promise<{ record: CaseRecord; changed: boolean } | undefined> {
    const key = this.#caseKey(code);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const loaded = await this.load(code);
      if (!loaded) return undefined;
      const next = change(loaded.record);
      if (!next) return { record: loaded.record, changed: false };
      const value = encrypt(this.#recordKey(code), JSON.stringify(next), key);
      if ((await this.#store.compareAndSet(key, value, loaded.version, this.ttlSeconds + GRACE_SECONDS)) !== undefined) return { record: next, changed: true };
    }
    throw new Error("case record: write conflicts did not settle");
  }

  /** Names a group message or topic as belonging to `code`. */
  async link(kind: LinkKind, id: number, code: string): Promise<void> {
    await this.#putLink(kind, id, { code }, this.ttlSeconds + GRACE_SECONDS);
  }

  /** Which case a group message or topic belongs to, whether that case has ended, or nothing known. */
  async find(kind: LinkKind, id: number): Promise<Found> {
    const key = this.#linkName(kind, id);
    const found = await this.#store.get(key);
    if (!found) return undefined;
    const plain = decrypt(this.#linkKey, found.value, key);
    const parsed = plain === undefined ? undefined : Link.safeParse(safeJson(plain));
    return parsed?.success ? parsed.data : undefined;
  }

  /**
   * Ends a case in the store: the record goes, its links become tombstones, the index forgets it.
   * Returns the record as it was (to tell both sides), or undefined if it was already gone — so
   * of two instances ending one case, only one does the telling.
   */
  async close(code: string): Promise<CaseRecord | undefined> {
    const loaded = await this.load(code);
    if (!loaded) {
      await this.#editIndex((codes) => codes.filter((c) => c !== code));
      return undefined;
    }
    const key = this.#caseKey(code);
    // Claim the ending first: a value nobody can read as a case, written only if nobody wrote since.
    // Unique per claimant: the store takes the very same value written twice as one writer's retry.
    const claimed = await this.#store.compareAndSet(key, `ended:${randomUUID()}`, loaded.version, 60);
    if (claimed === undefined) return undefined;
    const { record } = loaded;
    const links: [LinkKind, number][] = record.links.map((id): [LinkKind, number] => ["message", id]);
    if (record.place) links.push(record.place.mode === "topic" ? ["topic", record.place.thread] : ["message", record.place.anchor]);
    for (const [kind, id] of links) await this.#putLink(kind, id, { ended: true }, TOMBSTONE_SECONDS);
    await this.#store.delete(key);
    await this.#editIndex((codes) => codes.filter((c) => c !== code));
    return record;
  }

  /** Codes of every open case (for the sweeper). */
  async openCodes(): Promise<string[]> {
    return (await this.#readIndex()).codes;
  }

  async #putLink(kind: LinkKind, id: number, link: z.infer<typeof Link>, ttl: number): Promise<void> {
    const key = this.#linkName(kind, id);
    const value = encrypt(this.#linkKey, JSON.stringify(link), key);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const current = await this.#store.get(key);
      if ((await this.#store.compareAndSet(key, value, current?.version ?? 0, ttl)) !== undefined) return;
    }
    throw new Error("case link: write conflicts did not settle");
  }

  async #readIndex(): Promise<{ codes: string[]; version: number }> {
    const found = await this.#store.get(INDEX_KEY);
    if (!found) return { codes: [], version: 0 };
    const plain = decrypt(this.#indexKey, found.value, INDEX_KEY);
    const parsed = plain === undefined ? undefined : Index.safeParse(safeJson(plain));
    return { codes: parsed?.success ? parsed.data : [], version: found.version };
  }

  async #editIndex(change: (codes: string[]) => string[]): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const { codes, version } = await this.#readIndex();
      const next = change(codes);
      if (version !== 0 && next.length === codes.length && next.every((c, i) => c === codes[i])) return;
      // The index lives as long as cases do: a year at most without any case opening or ending.
      const value = encrypt(this.#indexKey, JSON.stringify(next), INDEX_KEY);
      if ((await this.#store.compareAndSet(INDEX_KEY, value, version, 365 * 24 * 3600)) !== undefined) return;
    }
    throw new Error("case index: write conflicts did not settle");
  }
}

function safeJson(plain: string): unknown {
  try {
    return JSON.parse(plain) as unknown;
  } catch {
    return undefined;
  }
}
