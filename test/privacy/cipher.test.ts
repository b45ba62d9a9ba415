import { describe, expect, it } from "vitest";
import { decrypt, encrypt } from "../../src/privacy/cipher.js";
import { chatEncryptionKey, chatPseudonym, logTag, sessionKey } from "../../src/privacy/pseudonym.js";

const secret = "unit-test-secret-unit-test-secret-0001";

describe("encryption of what is stored", () => {
  const key = chatEncryptionKey(secret, 12345);

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
    expect(decrypt(chatEncryptionKey(secret, 12346), sealed, "nyf:v1:s:aaa")).toBeUndefined();
    expect(decrypt(key, "not a ciphertext", "nyf:v1:s:aaa")).toBeUndefined();
    expect(decrypt(key, "v1.AAAA", "nyf:v1:s:aaa")).toBeUndefined();
  });
});

describe("pseudonyms", () => {
  it("are stable for a chat, differ between chats and secrets, and do not contain the id", () => {
    expect(chatPseudonym(secret, 918273645)).toBe(chatPseudonym(secret, 918273645));
    expect(chatPseudonym(secret, 918273645)).not.toBe(chatPseudonym(secret, 918273646));
    expect(chatPseudonym(`${secret}x`, 918273645)).not.toBe(chatPseudonym(secret, 918273645));
    expect(sessionKey(secret, 918273645)).toMatch(/^nyf:v1:s:[0-9a-f]{64}$/);
    expect(sessionKey(secret, 918273645)).not.toContain("918273645");
  });

  it("log tags are a short prefix, too short to be a key", () => {
    expect(logTag(secret, 1)).toHaveLength(8);
    expect(chatPseudonym(secret, 1).startsWith(logTag(secret, 1))).toBe(true);
  });
});
