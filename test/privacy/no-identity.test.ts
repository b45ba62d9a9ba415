import { afterEach, describe, expect, it } from "vitest";
import { decrypt } from "../../src/privacy/cipher.js";
import { chatEncryptionKey, deriveChatKeys, personKeysOf, sessionKey } from "../../src/privacy/pseudonym.js";
import { parseVersioned } from "../../src/store/versioned-value.js";
import { BACKENDS, openBackend, type BackendName, type OpenBackend } from "../support/stores.js";
import { prepareBot, tap, updates, type Person, type TestBot } from "../support/telegram.js";

/** People with identifiers distinctive enough that any leak is found by a plain substring search. */
/** `logged` is what they chose to put in their evidence log: kept, but only inside the ciphertext. */
const people: (Person & { typed: string[]; logged: { note: string; link: string } })[] = [
  {
    id: 918_273_645, first_name: "Zubeida", last_name: "Qaziwala", username: "zubeida_secret_99", language_code: "en",
    typed: ["my secret zebra 8812", "I want to die"],
    logged: { note: "quokka lantern 5531 threatened me", link: "https://instagram.com/p/QuokkaLantern5531" },
  },
  {
    id: 5_550_123_987, first_name: "Parveen", username: "parveen_xq_hidden", language_code: "hi",
    typed: ["पिंक हाथी 4471 गुप्त", "मरना चाहती हूँ"],
    logged: { note: "नीला कछुआ 6620 ने धमकी दी", link: "https://x.com/tortoise6620/status/1" },
  },
  {
    id: 6_060_606_061, first_name: "Kowshik", last_name: "Rangarajan", username: "kowshik_never_logged", language_code: "en",
    typed: ["upi kowshik@okbank demanded 5000", "mujhe jeena nahi hai"],
    logged: { note: "marmalade yak 7713 asked for money", link: "https://t.me/marmaladeyak7713" },
  },
];

function identifiers(p: (typeof people)[number]): string[] {
  return [String(p.id), p.first_name, p.last_name, p.username, ...p.typed, p.logged.note, p.logged.link].filter((x): x is string => Boolean(x));
}

async function walk(t: TestBot, p: (typeof people)[number]): Promise<void> {
  await t.send(updates.command(p, "start"));
  await tap(t, p, /begin|शुरू/i);
  await tap(t, p, /^(Yes|हाँ)/);
  for (const text of p.typed) await t.send(updates.text(p, text));
  await t.send(updates.photo(p, p.typed[0]));
  await t.send(updates.edited(p, p.typed[0]!));
  // Evidence they choose to keep: a note typed into the log, a link sent anywhere and accepted.
  await t.send(updates.command(p, "evidence"));
  await tap(t, p, /Note|नोट/);
  await t.send(updates.text(p, p.logged.note));
  await t.send(updates.command(p, "helplines"));
  await t.send(updates.text(p, p.logged.link));
  await tap(t, p, /Add to my log|रिकॉर्ड में जोड़ें/);
  await t.send(updates.command(p, "summary"));
  await t.send(updates.command(p, "helplines"));
  await t.send(updates.tap(p, "garbage-data", 1));
}

/** prepareBot's default secret. */
const SECRET = "test-secret-test-secret-test-secret-0001";

/** Every place a person could leak to: every store key and value, every log line. */
async function haystacks(t: TestBot, backend: OpenBackend): Promise<string[]> {
  return [...(await backend.dump()).flat(), ...t.logs];
}

async function leaksOf(t: TestBot, backend: OpenBackend, who: typeof people): Promise<string[]> {
  const hay = await haystacks(t, backend);
  const leaks: string[] = [];
  for (const p of who) {
    for (const needle of identifiers(p)) for (const h of hay) if (h.includes(needle)) leaks.push(`${needle} in ${h.slice(0, 120)}`);
  }
  return leaks;
}

const opened: OpenBackend[] = [];
afterEach(async () => {
  for (const b of opened.splice(0)) await b.close();
});

async function open(name: BackendName): Promise<OpenBackend> {
  const backend = await openBackend(name, name === "upstash" ? "privacyScanUpstash" : "privacyScan");
  opened.push(backend);
  return backend;
}

describe.each(BACKENDS)("no identity is kept (%s store)", (name) => {
  it("several people walk the bot; no id, name, username or typed text is in any stored key or value, or any log line", async () => {
    const backend = await open(name);
    const t = prepareBot({ store: backend.store });
    for (const p of people) await walk(t, p);
    expect(t.logs.length).toBeGreaterThan(20);
    // Per person: the session and the flood counter, both under the same (v2) pseudonym, nothing else.
    const keys = (await backend.dump()).map(([k]) => k).sort();
    const current = await Promise.all(people.map((p) => deriveChatKeys(SECRET, p.id)));
    expect(keys).toEqual(current.flatMap((k) => [k.session, k.rate]).sort());
    expect(await leaksOf(t, backend, people)).toEqual([]);
  });

  it("the scan itself would catch a leak (a stored value or a log line with a raw chat id)", async () => {
    const backend = await open(name);
    const t = prepareBot({ store: backend.store });
    await walk(t, people[0]!);
    expect(await leaksOf(t, backend, [people[0]!])).toEqual([]);
    await backend.plant("nyf:v1:s:planted", `1:${people[0]!.username}`);
    t.logs.push(JSON.stringify({ msg: "oops", chatId: people[0]!.id }));
    expect(await leaksOf(t, backend, [people[0]!])).toHaveLength(2);
  });

  it("/forget and /exit leave no key of that person", async () => {
    const backend = await open(name);
    const t = prepareBot({ store: backend.store });
    for (const p of people) await walk(t, p);
    await t.send(updates.command(people[0]!, "forget"));
    await tap(t, people[0]!, /erase|मिटा/i);
    await t.send(updates.command(people[1]!, "exit"));
    const left = (await backend.dump()).map(([k]) => k);
    expect(left).toContain(await sessionKey(SECRET, people[2]!.id));
    const kept = await personKeysOf(SECRET, people[2]!.id);
    expect(left.filter((k) => !kept.includes(k))).toEqual([]);
  });
});

describe("what is stored", () => {
  it("store keys are scrypt-derived pseudonyms and values are ciphertext that only the secret opens", async () => {
    const secret = "another-secret-another-secret-another-1";
    const t = prepareBot({ secret });
    await walk(t, people[0]!);
    const [[key, raw]] = t.store.dump().filter(([k]) => k.startsWith("nyf:v2:s:")) as [[string, string]];
    const { value, version } = parseVersioned(raw);
    expect(raw).toBe(`${version}:${value}`);
    expect(version).toBeGreaterThan(1);
    expect(key).toMatch(/^nyf:v2:s:[0-9a-f]{64}$/);
    expect(key).toBe(await sessionKey(secret, people[0]!.id));
    expect(value).toMatch(/^v1\.[A-Za-z0-9+/=]+$/);
    expect(value).not.toContain("flow");
    const plain = decrypt(await chatEncryptionKey(secret, people[0]!.id), value, key);
    expect(plain).toContain("\"locale\"");
    expect(decrypt(await chatEncryptionKey("wrong-secret-wrong-secret-wrong-secret", people[0]!.id), value, key)).toBeUndefined();
  });

  it("even decrypted, the session holds no name, username or typed text", async () => {
    const secret = "decrypt-check-secret-decrypt-check-000";
    const t = prepareBot({ secret });
    for (const p of people) await walk(t, p);
    for (const p of people) {
      const key = await sessionKey(secret, p.id);
      const { value } = parseVersioned(t.store.dump().find(([k]) => k === key)![1]);
      const plain = decrypt(await chatEncryptionKey(secret, p.id), value, key)!;
      for (const needle of [p.first_name, p.last_name, p.username, ...p.typed].filter((x): x is string => Boolean(x))) {
        expect(plain).not.toContain(needle);
      }
      // What they chose to log is there, and only here: inside the ciphertext.
      expect(plain).toContain(JSON.stringify(p.logged.note).slice(1, -1));
      expect(plain).toContain(p.logged.link);
    }
  });
});

describe("money details logged as evidence (the 1930 money pack)", () => {
  /** Distinctive enough that any copy outside the ciphertext is found by a substring search. */
  const UTR = "598765432109";
  const UPI = "zebracrane4417@okaxis";
  const FROM = "Kotak account 77190033551";
  const payer = { id: 7_070_707_071, first_name: "Harshita", username: "harshita_pays_secretly", language_code: "en" } satisfies Person;

  it("a UTR, UPI ID and her own account are only inside the encrypted session, never in a store key or a log line", async () => {
    const secret = "money-pack-secret-money-pack-secret-0001";
    const t = prepareBot({ secret });
    await t.send(updates.command(payer, "start"));
    await t.send(updates.command(payer, "evidence"));
    await tap(t, payer, /Money/);
    await t.send(updates.text(payer, `paid ₹7,777 to ${UPI} from my ${FROM}, UTR ${UTR}`));
    await t.send(updates.command(payer, "evidence"));
    await t.send(updates.command(payer, "report"));
    // The report (with the money pack in it) was made and sent to her, not kept.
    expect(t.calls.some((c) => c.method === "sendDocument")).toBe(true);
    await t.send(updates.command(payer, "summary"));

    // Logged: it is in her log (the pack is made from it), so the parse and the add went through.
    const key = await sessionKey(secret, payer.id);
    const { value } = parseVersioned(t.store.dump().find(([k]) => k === key)![1]);
    const plain = decrypt(await chatEncryptionKey(secret, payer.id), value, key)!;
    expect(plain).toContain(`"utr":"${UTR}"`);
    expect(plain).toContain(`"upi":"${UPI}"`);
    expect(plain).toContain(FROM);

    // Nowhere else: no store key or value in the clear, no log line.
    const hay = [...t.store.dump().flat(), ...t.logs];
    expect(t.logs.length).toBeGreaterThan(3);
    for (const needle of [UTR, UPI, FROM, "77190033551", payer.username, String(payer.id)]) {
      expect(hay.filter((h) => h.includes(needle)).map((h) => h.slice(0, 120))).toEqual([]);
    }
  });
});
