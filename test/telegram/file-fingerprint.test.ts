import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { Api } from "grammy";
import type { Message } from "grammy/types";
import { FingerprintError, fingerprintFile, incomingFile, type FingerprintFailure } from "../../src/telegram/file-fingerprint.js";

const TOKEN = "7031337420:AAH-secret-token_for-tests-only_x9";
const FILE_PATH = "photos/file_1.jpg";
const MB = 1024 * 1024;

// ─── a Bot API on loopback that knows one file ──────────────────────────────────────────────────

type GetFileAnswer = { ok: true; fileSize?: number; filePath?: string | null } | { ok: false; error_code: number; description: string };

type Download =
  /** Stream `bytes` in `chunk`-sized writes, `paceMs` apart, with or without content-length. */
  | { kind: "bytes"; bytes: Buffer; contentLength?: boolean; chunk?: number; paceMs?: number }
  | { kind: "status"; status: number }
  /** Send half of `bytes`, then drop the connection. */
  | { kind: "drop"; bytes: Buffer }
  /** Never send headers. */
  | { kind: "hang" }
  /** Send headers and one chunk, then nothing. */
  | { kind: "stall" };

interface FileServer {
  apiRoot: string;
  /** Requests in order, without the token: "getFile", "download", "other". */
  requests: string[];
  /** file_id of each getFile call. */
  askedFor: string[];
  /** How the last download's response ended: `early` when the client closed it before the last byte. */
  downloadEnded: Promise<{ early: boolean; sent: number }>;
  getFile: GetFileAnswer;
  download: Download;
  close(): Promise<void>;
}

const servers: FileServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const drainedOrClosed = (res: ServerResponse) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off("drain", done).off("close", done);
      resolve();
    };
    res.on("drain", done).on("close", done);
  });

async function startFileServer(download: Download, getFile: GetFileAnswer = { ok: true }): Promise<FileServer> {
  let ended!: (value: { early: boolean; sent: number }) => void;
  const state: FileServer = {
    apiRoot: "",
    requests: [],
    askedFor: [],
    downloadEnded: new Promise((resolve) => (ended = resolve)),
    getFile,
    download,
    close: async () => undefined,
  };

  const fileSize = () => (state.download.kind === "bytes" || state.download.kind === "drop" ? state.download.bytes.length : 1234);

  const answerGetFile = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as { file_id?: string };
      state.askedFor.push(String(body.file_id));
      const a = state.getFile;
      const json = a.ok
        ? {
            ok: true,
            result: {
              file_id: body.file_id,
              file_unique_id: "AQADunique",
              file_size: a.fileSize ?? fileSize(),
              ...(a.filePath === null ? {} : { file_path: a.filePath ?? FILE_PATH }),
            },
          }
        : a;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(json));
    });
  };

  const serveDownload = async (res: ServerResponse) => {
    const d = state.download;
    let sent = 0;
    res.on("close", () => ended({ early: !res.writableFinished, sent }));
    if (d.kind === "status") return void res.writeHead(d.status, { "content-type": "text/plain" }).end("Not Found");
    if (d.kind === "hang") return;
    if (d.kind === "stall") return void res.writeHead(200, { "content-type": "image/jpeg" }).write(Buffer.alloc(1000));
    if (d.kind === "drop") {
      res.writeHead(200, { "content-type": "image/jpeg", "content-length": String(d.bytes.length) });
      res.write(d.bytes.subarray(0, d.bytes.length >> 1), () => res.socket?.destroy());
      return;
    }
    const chunk = d.chunk ?? 64 * 1024;
    res.writeHead(200, { "content-type": "image/jpeg", ...(d.contentLength === false ? {} : { "content-length": String(d.bytes.length) }) });
    while (sent < d.bytes.length) {
      if (res.destroyed) return;
      const piece = d.bytes.subarray(sent, sent + chunk);
      sent += piece.length;
      if (!res.write(piece)) await drainedOrClosed(res);
      if (d.paceMs) await sleep(d.paceMs);
    }
    if (!res.destroyed) res.end();
  };

  const server = createServer((req, res) => {
    const url = req.url ?? "";
    if (req.method === "POST" && url === `/bot${TOKEN}/getFile`) {
      state.requests.push("getFile");
      return answerGetFile(req, res);
    }
    if (req.method === "GET" && url === `/file/bot${TOKEN}/${FILE_PATH}`) {
      state.requests.push("download");
      return void serveDownload(res);
    }
    state.requests.push("other");
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  state.apiRoot = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  let closed = false;
  state.close = () =>
    closed
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          closed = true;
          server.closeAllConnections();
          server.close(() => resolve());
        });
  servers.push(state);
  return state;
}

const api = (s: FileServer) => new Api(TOKEN, { apiRoot: s.apiRoot });
const fingerprint = (s: FileServer, extra: Partial<Parameters<typeof fingerprintFile>[1]> = {}) =>
  fingerprintFile(api(s), { token: TOKEN, apiRoot: s.apiRoot, fileId: "AgACAgQAAxkBAAIB", ...extra });

/** The failure, after checking that nothing about it could leak the token or the download URL. */
async function failure(attempt: Promise<unknown>): Promise<FingerprintFailure> {
  const error = await attempt.then(
    () => expect.unreachable("it should have failed"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FingerprintError);
  const e = error as FingerprintError;
  expect(e.cause).toBeUndefined();
  for (const text of [e.message, e.stack ?? "", JSON.stringify(e), String(e), inspect(e, { depth: 10 })]) {
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(TOKEN.split(":")[1]);
    expect(text).not.toContain("file/bot");
    expect(text).not.toContain(FILE_PATH);
  }
  return e.reason;
}

const urlOf = (input: Parameters<typeof fetch>[0]) => (typeof input === "string" ? input : input instanceof URL ? input.href : input.url);

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

// ─── fingerprinting ─────────────────────────────────────────────────────────────────────────────

describe("fingerprinting a file a person sent", () => {
  it("streams a 3 MB photo through the hash: same SHA-256 and size as hashing the bytes directly", async () => {
    const photo = randomBytes(3 * MB + 12_345);
    const s = await startFileServer({ kind: "bytes", bytes: photo, chunk: 50_000 });
    const result = await fingerprint(s);
    expect(result).toEqual({ sha256: sha256(photo), size: photo.length });
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(s.requests).toEqual(["getFile", "download"]);
    expect(s.askedFor).toEqual(["AgACAgQAAxkBAAIB"]);
  });

  it("works the same without a content-length (chunked transfer)", async () => {
    const video = randomBytes(3 * MB);
    const s = await startFileServer({ kind: "bytes", bytes: video, contentLength: false });
    expect(await fingerprint(s)).toEqual({ sha256: sha256(video), size: video.length });
  });

  it("a file of exactly maxBytes is fine; an empty file is fine", async () => {
    const exact = randomBytes(MB);
    const s = await startFileServer({ kind: "bytes", bytes: exact, contentLength: false });
    expect(await fingerprint(s, { maxBytes: MB })).toEqual({ sha256: sha256(exact), size: MB });
    s.download = { kind: "bytes", bytes: Buffer.alloc(0) };
    expect(await fingerprint(s, { maxBytes: MB })).toEqual({ sha256: sha256(Buffer.alloc(0)), size: 0 });
  });

  it("passes the fetch it is given (and the download URL goes only there)", async () => {
    const bytes = randomBytes(1000);
    const s = await startFileServer({ kind: "bytes", bytes });
    const urls: string[] = [];
    const spy: typeof fetch = (input, init) => {
      urls.push(urlOf(input));
      return fetch(input, init);
    };
    expect(await fingerprint(s, { fetch: spy })).toEqual({ sha256: sha256(bytes), size: 1000 });
    expect(urls).toEqual([`${s.apiRoot}/file/bot${TOKEN}/${FILE_PATH}`]);
  });
});

describe("a file over the limit", () => {
  it.each([
    ["with a content-length", true],
    ["without a content-length", false],
  ])("maxBytes + 1 bytes %s is too big", async (_, contentLength) => {
    // getFile claims a small size, so the limit must be found on the download itself.
    const s = await startFileServer({ kind: "bytes", bytes: Buffer.alloc(MB + 1, 7), contentLength }, { ok: true, fileSize: 10 });
    expect(await failure(fingerprint(s, { maxBytes: MB }))).toBe("too-big");
    expect(s.requests).toEqual(["getFile", "download"]);
  });

  it("with a content-length over the limit: refused before reading, and the server sees the connection closed early", async () => {
    const huge = Buffer.alloc(32 * MB, 1);
    const s = await startFileServer({ kind: "bytes", bytes: huge, paceMs: 5 }, { ok: true, fileSize: 10 });
    expect(await failure(fingerprint(s, { maxBytes: MB }))).toBe("too-big");
    const end = await s.downloadEnded;
    expect(end.early).toBe(true);
    // Had the body been read up to the limit, more than maxBytes would have gone out.
    expect(end.sent).toBeLessThan(MB);
  });

  it("without a content-length: reading stops just past the limit, and the server sees the connection closed early", async () => {
    const huge = Buffer.alloc(32 * MB, 2);
    const s = await startFileServer({ kind: "bytes", bytes: huge, contentLength: false, paceMs: 5 }, { ok: true, fileSize: 10 });
    expect(await failure(fingerprint(s, { maxBytes: MB }))).toBe("too-big");
    const end = await s.downloadEnded;
    expect(end.early).toBe(true);
    // Past the limit, but nowhere near the whole file (socket buffers account for the slack).
    expect(end.sent).toBeGreaterThan(MB);
    expect(end.sent).toBeLessThan(huge.length / 2);
  });

  it("Telegram's own 'file is too big' (files over 20 MB) is too big", async () => {
    const s = await startFileServer({ kind: "status", status: 500 }, { ok: false, error_code: 400, description: "Bad Request: file is too big" });
    expect(await failure(fingerprint(s))).toBe("too-big");
    expect(s.requests).toEqual(["getFile"]);
  });

  it("a size already known from the message to be over the limit is too big, without asking Telegram anything", async () => {
    const s = await startFileServer({ kind: "bytes", bytes: Buffer.alloc(10) });
    expect(await failure(fingerprint(s, { knownSize: 21 * MB }))).toBe("too-big");
    expect(await failure(fingerprint(s, { knownSize: MB + 1, maxBytes: MB }))).toBe("too-big");
    expect(s.requests).toEqual([]);
  });

  it("a size getFile reports over the limit is too big, without downloading", async () => {
    const s = await startFileServer({ kind: "bytes", bytes: Buffer.alloc(10) }, { ok: true, fileSize: 2 * MB });
    expect(await failure(fingerprint(s, { maxBytes: MB }))).toBe("too-big");
    expect(s.requests).toEqual(["getFile"]);
  });
});

describe("a file that cannot be fetched", () => {
  it("a 404 on the download is unavailable", async () => {
    const s = await startFileServer({ kind: "status", status: 404 });
    expect(await failure(fingerprint(s))).toBe("unavailable");
  });

  it("the server dropping the connection mid-file is unavailable", async () => {
    const s = await startFileServer({ kind: "drop", bytes: randomBytes(2 * MB) });
    expect(await failure(fingerprint(s))).toBe("unavailable");
  });

  it("a server that is gone is unavailable", async () => {
    const s = await startFileServer({ kind: "bytes", bytes: Buffer.alloc(10) });
    await s.close();
    expect(await failure(fingerprint(s))).toBe("unavailable");
  });

  it("getFile failing for any other reason, or giving no file_path, is unavailable", async () => {
    const s = await startFileServer({ kind: "bytes", bytes: Buffer.alloc(10) }, { ok: false, error_code: 400, description: "Bad Request: wrong file_id or the file is temporarily unavailable" });
    expect(await failure(fingerprint(s))).toBe("unavailable");
    s.getFile = { ok: true, filePath: null };
    expect(await failure(fingerprint(s))).toBe("unavailable");
    expect(s.requests).toEqual(["getFile", "getFile"]);
  });

  it.each([
    ["never answers", { kind: "hang" }],
    ["stops sending halfway", { kind: "stall" }],
  ] as const)("a download that %s gives up after timeoutMs: unavailable", async (_, download) => {
    const s = await startFileServer(download);
    const started = Date.now();
    expect(await failure(fingerprint(s, { timeoutMs: 200 }))).toBe("unavailable");
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await s.downloadEnded).early).toBe(true);
  });

  it("a fetch error whose message and cause quote the URL (as undici's can) leaks none of it", async () => {
    const s = await startFileServer({ kind: "bytes", bytes: Buffer.alloc(10) });
    const leaky: typeof fetch = (input) => Promise.reject(new TypeError(`fetch failed: ${urlOf(input)}`, { cause: new Error(`connect ECONNREFUSED ${urlOf(input)}`) }));
    expect(await failure(fingerprint(s, { fetch: leaky }))).toBe("unavailable");
  });
});

// ─── which file a message carries ───────────────────────────────────────────────────────────────

const base = { message_id: 7, date: 1_760_000_000, chat: { id: 5_100_200_300, type: "private" as const, first_name: "Anu" } };
const msg = (extra: Record<string, unknown>) => ({ ...base, ...extra }) as unknown as Message;
const photoSize = (n: number) => ({ file_id: `photo-${n}`, file_unique_id: `u${n}`, width: n, height: n, file_size: n * 100 });

describe("which file a message carries", () => {
  it("a photo: the largest size (Telegram lists it last), as image/jpeg", () => {
    expect(incomingFile(msg({ photo: [photoSize(90), photoSize(320), photoSize(1280)] }))).toEqual({ type: "photo", fileId: "photo-1280", size: 128_000, mime: "image/jpeg" });
  });

  it("a video, with its size and mime", () => {
    const video = { file_id: "vid", file_unique_id: "uv", width: 1, height: 1, duration: 3, file_size: 5000, mime_type: "video/mp4", file_name: "Anu Sharma.mp4" };
    expect(incomingFile(msg({ video }))).toEqual({ type: "video", fileId: "vid", size: 5000, mime: "video/mp4" });
  });

  it("a document, with its mime", () => {
    const document = { file_id: "doc", file_unique_id: "ud", file_size: 42, mime_type: "application/pdf", file_name: "Anu Sharma - screenshots.pdf" };
    expect(incomingFile(msg({ document }))).toEqual({ type: "document", fileId: "doc", size: 42, mime: "application/pdf" });
  });

  it("a GIF carries both animation and document: it is an animation", () => {
    const animation = { file_id: "anim", file_unique_id: "ua", width: 1, height: 1, duration: 1, file_size: 9, mime_type: "video/mp4", file_name: "x.gif.mp4" };
    const document = { file_id: "anim", file_unique_id: "ua", file_size: 9, mime_type: "video/mp4", file_name: "x.gif.mp4" };
    expect(incomingFile(msg({ animation, document }))).toEqual({ type: "animation", fileId: "anim", size: 9, mime: "video/mp4" });
  });

  it.each([
    ["a sticker", { sticker: { file_id: "s", file_unique_id: "us", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } }],
    ["a voice note", { voice: { file_id: "v", file_unique_id: "uv", duration: 2 } }],
    ["a video note", { video_note: { file_id: "vn", file_unique_id: "uvn", length: 1, duration: 2 } }],
    ["an audio", { audio: { file_id: "a", file_unique_id: "ua", duration: 2, file_name: "Anu.mp3" } }],
    ["plain text", { text: "hello" }],
    ["an empty photo list", { photo: [] }],
  ])("%s carries nothing to fingerprint", (_, extra) => {
    expect(incomingFile(msg(extra))).toBeUndefined();
  });

  it("never reads a file name, let alone returns one", () => {
    let read = 0;
    const named = <T extends object>(media: T): T =>
      Object.defineProperty(media, "file_name", {
        enumerable: true,
        get: () => {
          read++;
          return "Anu Sharma private.jpg";
        },
      });
    const cases = [
      msg({ document: named({ file_id: "d", file_unique_id: "u", mime_type: "image/jpeg" }) }),
      msg({ video: named({ file_id: "v", file_unique_id: "u", width: 1, height: 1, duration: 1 }) }),
      msg({ animation: named({ file_id: "a", file_unique_id: "u", width: 1, height: 1, duration: 1 }), document: named({ file_id: "a", file_unique_id: "u" }) }),
    ];
    for (const m of cases) {
      const file = incomingFile(m);
      expect(file).toBeDefined();
      expect(Object.keys(file!).sort()).toEqual(["fileId", "mime", "size", "type"]);
      expect(JSON.stringify(file)).not.toContain("Anu");
    }
    expect(read).toBe(0);
  });
});
