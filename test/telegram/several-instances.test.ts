import { afterEach, describe, expect, it } from "vitest";
import { ChatVault } from "../../src/privacy/chat-vault.js";
import { RedisStore } from "../../src/store/redis-store.js";
import type { OpenedUpdate, SessionStore, UpdateKeys, UpdateLimits, Versioned } from "../../src/store/session-store.js";
import { ChatRecord } from "../../src/telegram/chat-record.js";
import { StoredConversation } from "../../src/conversation/turn.js";
import { redisStores, redisUrl } from "../support/redis.js";
import { prepareBot, tap, updates, type Person, type TestBot } from "../support/telegram.js";

/**
 * Two bot processes behind a load balancer, one chat: Telegram may hand a person's quick taps to
 * different instances. Each instance here has its own Redis connection, as separate processes would.
 */

const SECRET = "race-secret-race-secret-race-secret-0001";
const meera: Person = { id: 7_700_001, first_name: "Meera", language_code: "en" };

/** Passes everything through, but can hold the next write until the test lets it go. */
class HeldStore implements SessionStore {
  writes = 0;
  #hold: { reached: () => void; release: Promise<void> } | undefined;
  constructor(protected readonly inner: SessionStore) {}

  /** Holds the next write; resolves `reached` when it is waiting. Call the returned function to let it go. */
  holdNextWrite(): { reached: Promise<void>; release: () => void } {
    let reached!: () => void;
    let release!: () => void;
    const reachedP = new Promise<void>((r) => (reached = r));
    const releaseP = new Promise<void>((r) => (release = r));
    this.#hold = { reached, release: releaseP };
    return { reached: reachedP, release };
  }

  get(key: string): Promise<Versioned | undefined> {
    return this.inner.get(key);
  }
  openUpdate(keys: UpdateKeys, limits: UpdateLimits): Promise<OpenedUpdate> {
    return this.inner.openUpdate(keys, limits);
  }
  async compareAndSet(key: string, value: string, expected: number, ttl: number): Promise<number | undefined> {
    this.writes++;
    const hold = this.#hold;
    this.#hold = undefined;
    if (hold) {
      hold.reached();
      await hold.release;
    }
    return this.write(key, value, expected, ttl);
  }
  protected write(key: string, value: string, expected: number, ttl: number): Promise<number | undefined> {
    return this.inner.compareAndSet(key, value, expected, ttl);
  }
  delete(...keys: string[]): Promise<void> {
    return this.inner.delete(...keys);
  }
  ping(): Promise<void> {
    return this.inner.ping();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

/** What a store without compare-and-set would do: the last writer wins. */
class LastWriterWins extends HeldStore {
  protected override async write(key: string, value: string, _expected: number, ttl: number): Promise<number | undefined> {
    const current = await this.inner.get(key);
    return this.inner.compareAndSet(key, value, current?.version ?? 0, ttl);
  }
}

const opened: SessionStore[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

async function twoInstances(wrap: (s: SessionStore) => HeldStore = (s) => new HeldStore(s)): Promise<[TestBot, TestBot, HeldStore]> {
  const stores = await redisStores("race", 2);
  opened.push(...stores);
  const held = wrap(stores[0]!);
  return [prepareBot({ store: held, secret: SECRET }), prepareBot({ store: stores[1]!, secret: SECRET }), held];
}

async function toPlatforms(t: TestBot): Promise<void> {
  await t.send(updates.command(meera, "start"));
  await tap(t, meera, "Let's begin");
  await tap(t, meera, "Yes, I'm safe");
  await tap(t, meera, "My images were shared");
  await tap(t, meera, /^No$/);
  await tap(t, meera, "No, everyone was 18 or older");
}

/** The platforms ticked in the stored session, read back with the secret. */
async function storedPlatforms(): Promise<string[]> {
  const store = new RedisStore(redisUrl("race"));
  opened.push(store);
  await store.ready(5000);
  const { data } = await new ChatVault(store, SECRET, 3600).load(meera.id);
  const conversation = StoredConversation.parse(ChatRecord.parse(data).conversation);
  return [...(conversation.snapshot as { context: { platforms: string[] } }).context.platforms].sort();
}

function button(t: TestBot, label: string): { data: string; messageId: number } {
  const screen = t.screen();
  const i = screen.labels.indexOf(label);
  if (i < 0) throw new Error(`no ${label} in ${screen.labels.join(" | ")}`);
  return { data: screen.data[i]!, messageId: screen.messageId };
}

describe("two bot instances serving one chat", () => {
  it("two taps handled at the same moment by different instances are both kept, and the screen shows both", async () => {
    const [a, b, heldA] = await twoInstances();
    await toPlatforms(a);
    const instagram = button(a, "Instagram");
    const whatsapp = button(a, "WhatsApp");

    const hold = heldA.holdNextWrite();
    const writesBefore = heldA.writes;
    const tapOnA = a.send(updates.tap(meera, instagram.data, instagram.messageId));
    await hold.reached; // A has read the session and is about to write
    await b.send(updates.tap(meera, whatsapp.data, whatsapp.messageId));
    expect(b.screen().labels).toContain("✓ WhatsApp");
    hold.release();
    await tapOnA;

    expect(heldA.writes - writesBefore).toBe(2); // a conflict, then the replayed turn
    expect(await storedPlatforms()).toEqual(["instagram", "whatsapp"]);
    expect(a.screen().labels).toEqual(expect.arrayContaining(["✓ Instagram", "✓ WhatsApp"]));
    // Nothing was sent for the write that lost: one edit from A, one from B.
    expect(a.last.filter((c) => c.method === "editMessageText")).toHaveLength(1);
  });

  it("without compare-and-set the same timing loses a tap (so the test above can fail)", async () => {
    const [a, b, heldA] = await twoInstances((s) => new LastWriterWins(s));
    await toPlatforms(a);
    const instagram = button(a, "Instagram");
    const whatsapp = button(a, "WhatsApp");
    const hold = heldA.holdNextWrite();
    const tapOnA = a.send(updates.tap(meera, instagram.data, instagram.messageId));
    await hold.reached;
    await b.send(updates.tap(meera, whatsapp.data, whatsapp.messageId));
    hold.release();
    await tapOnA;
    expect(await storedPlatforms()).toEqual(["instagram"]);
  });

  it("a burst of taps spread over both instances at once: every one of them is kept", async () => {
    const [a, b] = await twoInstances();
    await toPlatforms(a);
    const labels = ["Instagram", "Facebook", "WhatsApp", "Telegram", "X (Twitter)", "Snapchat", "YouTube"];
    const taps = labels.map((l) => button(a, l));
    await Promise.all(taps.map((tapped, i) => (i % 2 === 0 ? a : b).send(updates.tap(meera, tapped.data, tapped.messageId))));
    expect(await storedPlatforms()).toEqual(["facebook", "instagram", "snapchat", "telegram", "whatsapp", "x", "youtube"]);
  });
});
