import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM with a random 96-bit nonce. The storage key is bound in as associated data, so a
 * value copied under another chat's key fails to decrypt instead of being read as theirs.
 */

const VERSION = "v1";

export function encrypt(key: Buffer, plaintext: string, associatedData: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([nonce, cipher.getAuthTag(), body]).toString("base64")}`;
}

/** Returns undefined for anything that is not a valid ciphertext for this key and associated data. */
export function decrypt(key: Buffer, value: string, associatedData: string): string | undefined {
  if (!value.startsWith(`${VERSION}.`)) return undefined;
  const raw = Buffer.from(value.slice(VERSION.length + 1), "base64");
  if (raw.length < 28) return undefined;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(associatedData, "utf8"));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}
