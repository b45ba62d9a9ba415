import { describe, expect, it } from "vitest";
import { sha256OfStream, TooLargeError } from "../../src/evidence/sha256.js";

const bytes = (text: string) => new TextEncoder().encode(text);

async function* once(chunk: Uint8Array) {
  yield chunk;
}

/** Yields `total` bytes of "a" in chunks of the given sizes, cycling through them. */
async function* letterA(total: number, sizes: number[]) {
  let sent = 0;
  for (let i = 0; sent < total; i++) {
    const n = Math.min(sizes[i % sizes.length]!, total - sent);
    yield new Uint8Array(n).fill(0x61);
    sent += n;
  }
}

describe("a file's fingerprint, hashed as it arrives", () => {
  it.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    ["abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"],
  ])("matches the published SHA-256 of %j, in lowercase hex", async (text, expected) => {
    expect(await sha256OfStream(once(bytes(text)), 1000)).toEqual({ sha256: expected, size: bytes(text).length });
  });

  it("an empty source (no chunks at all) is the empty file", async () => {
    const nothing = (async function* (): AsyncGenerator<Uint8Array> {})();
    expect(await sha256OfStream(nothing, 0)).toEqual({ sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", size: 0 });
  });

  it("one million 'a' in uneven chunks hashes to the NIST vector, and every byte is counted", async () => {
    const result = await sha256OfStream(letterA(1_000_000, [1, 7, 4096, 3, 65_536, 0, 999]), 1_000_000);
    expect(result).toEqual({ sha256: "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", size: 1_000_000 });
  });

  it("exactly maxBytes is allowed", async () => {
    await expect(sha256OfStream(letterA(10, [3]), 10)).resolves.toMatchObject({ size: 10 });
  });

  it("one byte over maxBytes is refused, and the source is not pulled again or left open", async () => {
    let pulls = 0;
    let closed = false;
    async function* counted() {
      try {
        for (let i = 0; i < 1000; i++) {
          pulls++;
          yield new Uint8Array(4);
        }
      } finally {
        closed = true;
      }
    }
    // 4 + 4 + 4 = 12 bytes; the third chunk crosses 10.
    const refused = sha256OfStream(counted(), 10);
    await expect(refused).rejects.toBeInstanceOf(TooLargeError);
    await expect(refused).rejects.toMatchObject({ name: "TooLargeError", maxBytes: 10 });
    expect(pulls).toBe(3);
    expect(closed).toBe(true);
  });

  it("maxBytes + 1 arriving in a single chunk is refused too", async () => {
    await expect(sha256OfStream(once(new Uint8Array(11)), 10)).rejects.toBeInstanceOf(TooLargeError);
  });
});
