import { createHash } from "node:crypto";

/**
 * Fingerprints bytes as they arrive: each chunk goes into the hash and is dropped, so a file is never
 * held whole, never written anywhere. Pure: the caller brings the bytes.
 */

/** More bytes arrived than the caller allows. Reading stopped there. */
export class TooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`More than ${maxBytes} bytes.`);
    this.name = "TooLargeError";
  }
}

/**
 * SHA-256 (lowercase hex) and byte count of everything `source` yields. Throws {@link TooLargeError}
 * as soon as the running total passes `maxBytes`; leaving the loop early ends the iterator (its
 * `return()` runs), so a generator or stream is not pulled any further.
 */
export async function sha256OfStream(source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of source) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new TooLargeError(maxBytes);
    hash.update(chunk);
  }
  return { sha256: hash.digest("hex"), size };
}
