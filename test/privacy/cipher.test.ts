import { describe, expect, it } from "vitest";
import { decrypt, encrypt } from "../../src/privacy/cipher.js";
import { chatEncryptionKey, deriveChatKeys, legacyPseudonym, legacySessionKey, sessionKey } from "../../src/privacy/pseudonym.js";

const secret = "unit-test-secret-unit-test-secret-0001";

const key = await chatEncryptionKey(secret, 12345);
const neighbourKey = await chatEncryptionKey(secret, 12346);

describe("encryption of what is stored", () => {

  it("round-trips text, Hindi and emoji included", () => {
    const text = JSON.stringify({ note: "मेरा राज़ 🔒 secret" });
    expect(decrypt(key, encrypt(key, text, "k"), "k")).toBe(text);
  });

  it("uses a fresh nonce every time, so equal sessions do not look equal", () => {
    expect(encrypt(key, "same", "k")).not.toBe(encrypt(key, "same", "k"));
  });

  it("refuses a value moved under another key (associated data), a tampered value, or the wrong chat's key", () => {
    const sealed = encrypt(key, "hello", "nyf:v1:s:aaa");
    expect(decrypt(key, sealed, "nyf:v1:s:bbb")).toBeUndefined();
    const raw = Buffer.from(sealed.slice(3), "base64");
    raw[raw.length - 1]! ^= 1;
    expect(decrypt(key, `v1.${raw.toString("base64")}`, "nyf:v1:s:aaa")).toBeUndefined();
    expect(decrypt(neighbourKey, sealed, "nyf:v1:s:aaa")).toBeUndefined();
    expect(decrypt(key, "not a ciphertext", "nyf:v1:s:aaa")).toBeUndefined();
    expect(decrypt(key, "v1.AAAA", "nyf:v1:s:aaa")).toBeUndefined();
  });
});

describe("pseudonyms", () => {
  it("are stable for a chat, differ between chats and secrets, and do not contain the id", async () => {
    const [a, again, next, otherSecret] = await Promise.all([
      deriveChatKeys(secret, 918273645),
      deriveChatKeys(secret, 918273645),
      deriveChatKeys(secret, 918273646),
      deriveChatKeys(`${secret}x`, 918273645),
    ]);
    expect(a.pseudonym).toBe(again.pseudonym);
    expect(a.aesKey.equals(again.aesKey)).toBe(true);
    expect(a.pseudonym).not.toBe(next.pseudonym);
    expect(a.pseudonym).not.toBe(otherSecret.pseudonym);
    expect(await sessionKey(secret, 918273645)).toMatch(/^nyf:v2:s:[0-9a-f]{64}$/);
    expect(a.rate).toMatch(/^nyf:v2:r:[0-9a-f]{64}$/);
    expect(a.session).not.toContain("918273645");
  });

  it("are not the v1 HMAC, and the AES key does not follow from what is stored", async () => {
    const keys = await deriveChatKeys(secret, 918273645);
    expect(keys.pseudonym).not.toBe(legacyPseudonym(secret, 918273645));
    expect(legacySessionKey(secret, 918273645)).toBe(`nyf:v1:s:${legacyPseudonym(secret, 918273645)}`);
    expect(keys.aesKey.toString("hex")).not.toContain(keys.pseudonym.slice(0, 16));
  });

  it("log tags are a short prefix, too short to be a key", async () => {
    const keys = await deriveChatKeys(secret, 1);
    expect(keys.tag).toHaveLength(8);
    expect(keys.pseudonym.startsWith(keys.tag)).toBe(true);
  });
});
