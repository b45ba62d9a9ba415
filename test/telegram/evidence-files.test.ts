import { createHash } from "node:crypto";
import { createReadStream, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { afterEach, describe, expect, it } from "vitest";
import { personKeysOf } from "../../src/privacy/pseudonym.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import type { OpenedUpdate } from "../../src/store/session-store.js";
import { actualText, pdfText, squash } from "../support/pdf-text.js";
import { prepareBot, tap, TEST_TOKEN, updates, type Person, type TestBot } from "../support/telegram.js";

/** A real file, streamed by a local stand-in for Telegram's file server. */
const FILE = createRequire(import.meta.url).resolve("@expo-google-fonts/noto-sans-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf");
const FILE_BYTES = readFileSync(FILE);
const FILE_SHA256 = createHash("sha256").update(FILE_BYTES).digest("hex");
const FILE_PATH = "photos/file_17.jpg";

interface FileServer {
  apiRoot: string;
  requests: string[];
  close(): Promise<void>;
}

async function startFileServer(): Promise<FileServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? "");
    if (req.url !== `/file/bot${TEST_TOKEN}/${FILE_PATH}`) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "application/octet-stream" });
    createReadStream(FILE, { highWaterMark: 16 * 1024 }).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { apiRoot: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(() => r())) };
}

const servers: FileServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function botWithFiles(): Promise<{ t: TestBot; files: FileServer }> {
  const files = await startFileServer();
  servers.push(files);
  const t = prepareBot({ apiRoot: files.apiRoot });
  return { t, files };
}

const fileAnswer = () => ({ result: { file_id: "AgAphoto", file_unique_id: "u2", file_size: FILE_BYTES.length, file_path: FILE_PATH } });

const meera: Person = { id: 777_001_234, first_name: "Meeratest", username: "meera_fingerprint_q", language_code: "en" };
const asha: Person = { id: 777_001_999, first_name: "Ashatest", username: "asha_hindi_q", language_code: "hi" };

/** Through the first questions: blackmail, the age given, Instagram, India. */
async function tellWhatHappened(t: TestBot, p: Person, age: RegExp): Promise<void> {
  await t.send(updates.command(p, "start"));
  await tap(t, p, /begin|शुरू/i);
  await tap(t, p, /^(Yes|हाँ)/);
  await tap(t, p, /blackmailed|ब्लैकमेल/);
  await tap(t, p, age);
  await tap(t, p, "Instagram");
  await tap(t, p, /That's all|बस इतना/);
  await tap(t, p, /India|भारत/);
}

const methods = (t: TestBot) => t.last.map((c) => c.method);

/** A store that can't be reached: every update's read fails. */
class DownStore extends MemoryStore {
  override openUpdate(): Promise<OpenedUpdate> {
    return Promise.reject(new Error("connection refused"));
  }
}

/** The PDF a sendDocument call carried, and its file name. */
function sentPdf(t: TestBot): { bytes: Buffer; name: string } {
  const call = t.last.find((c) => c.method === "sendDocument");
  if (!call) throw new Error(`no sendDocument in ${methods(t).join(", ")}`);
  // grammY keeps an InputFile's bytes in a private field; the recorder sees the object before upload.
  const file = call.payload.document as { fileData: Uint8Array; filename?: string };
  return { bytes: Buffer.from(file.fileData), name: file.filename ?? "" };
}

describe("files and the report on Telegram", () => {
  it("a person who sends a screenshot gets its SHA-256, read as it streams from Telegram; only the fingerprint is kept", async () => {
    const { t, files } = await botWithFiles();
    // Pictures are opened only once she has said everyone in her images was 18 or older.
    await tellWhatHappened(t, meera, /everyone was 18 or older/);
    t.answer("getFile", fileAnswer());
    await t.send(updates.photo(meera));
    expect(methods(t)).toEqual(["sendChatAction", "getFile", "sendMessage"]);
    expect(t.last[1]!.payload.file_id).toBe("AgAphoto"); // the largest size, not the thumbnail
    expect(files.requests).toEqual([`/file/bot${TEST_TOKEN}/${FILE_PATH}`]);
    expect(t.screen().text).toContain(`SHA-256 ${FILE_SHA256}`);
    expect(t.screen().text).toContain("The file itself was not kept");
    await tap(t, meera, "Add to my log");
    await t.send(updates.command(meera, "evidence"));
    expect(t.screen().text).toContain(`SHA-256 ${FILE_SHA256.slice(0, 16)}…`);
    // The fingerprint lives only inside the ciphertext; the token and file path reach no log line.
    const stored = t.store.dump().flat().join("\n");
    expect(stored).not.toContain(FILE_SHA256);
    for (const line of t.logs) for (const secret of [FILE_SHA256, TEST_TOKEN, FILE_PATH, "file/bot"]) expect(line).not.toContain(secret);
    expect(t.logs.some((l) => l.includes("file fingerprinted"))).toBe(true);
  });

  it("a document sent while the log asks for a file goes straight in", async () => {
    const { t } = await botWithFiles();
    await t.send(updates.command(meera, "evidence"));
    await tap(t, meera, "Screenshot or file");
    t.answer("getFile", fileAnswer());
    await t.send(updates.document(meera, "application/pdf", "Meeratest_chat_export.pdf"));
    expect(t.screen().text).toContain(`Fingerprint added to your evidence log:\nSHA-256 ${FILE_SHA256}`);
    // The file name can carry a name: it is neither kept nor shown.
    expect(t.store.dump().flat().join("\n")).not.toContain("Meeratest");
    expect(t.screen().text).not.toContain("Meeratest");
  });

  it.each([["not sure", /Not sure/], ["under 18 now", /under 18 now/], ["an adult whose images were taken under 18", /adult now/]])("someone who said %s sends a photo: it is never downloaded, and they are asked for the link", async (_, age) => {
    const { t, files } = await botWithFiles();
    await tellWhatHappened(t, meera, age);
    await t.send(updates.photo(meera));
    expect(methods(t)).toEqual(["sendMessage"]);
    expect(files.requests).toEqual([]);
    expect(t.screen().text).toContain("I didn't open that file");
    expect(t.screen().text).toContain("link");
  });

  it("a file over Telegram's 20 MB limit is not requested at all, and the person can still describe it", async () => {
    const { t, files } = await botWithFiles();
    await tellWhatHappened(t, meera, /everyone was 18 or older/);
    await t.send(updates.photo(meera, undefined, 25 * 1024 * 1024));
    expect(methods(t)).not.toContain("getFile");
    expect(files.requests).toEqual([]);
    expect(t.screen().text).toContain("bigger than 20 MB");
  });

  it("while the store is out of reach, a file is not opened at all (nothing could be kept, and age can't be checked)", async () => {
    const files = await startFileServer();
    servers.push(files);
    const t = prepareBot({ store: new DownStore(), apiRoot: files.apiRoot });
    t.answer("getFile", fileAnswer());
    await t.send(updates.photo(meera));
    expect(methods(t)).not.toContain("getFile");
    expect(files.requests).toEqual([]);
    expect(t.screen().text).toContain("can't reach or save your progress");
  });

  it("/report while the store is out of reach sends no empty report, and says why", async () => {
    const t = prepareBot({ store: new DownStore() });
    await t.send(updates.command(meera, "report"));
    expect(methods(t)).toEqual(["sendMessage"]);
    expect(t.screen().text).toContain("I can't reach your evidence log right now, so I can't make your report");
    expect(t.screen().text).not.toContain("PDF");
    expect(t.screen().labels).toContain("🆘 Helplines");
  });

  it.each([
    ["Telegram says the file is too big", { error_code: 400, description: "Bad Request: file is too big" }, "bigger than 20 MB"],
    ["Telegram fails", { error_code: 500, description: "Internal Server Error" }, "couldn't read that file just now"],
  ])("when %s, the person gets a calm line, never an error", async (_, answer, says) => {
    const { t } = await botWithFiles();
    t.answer("getFile", answer);
    await t.send(updates.document(meera));
    expect(t.screen().text).toContain(says);
    expect(t.screen().text).not.toMatch(/error|undefined/i);
  });

  it("/report sends a PDF with the log, fingerprints, law sections and complaint, then the complaint as a message to copy", async () => {
    const { t } = await botWithFiles();
    await tellWhatHappened(t, meera, /18 or older/);
    await t.send(updates.command(meera, "evidence"));
    await tap(t, meera, "Note");
    await t.send(updates.text(meera, "He said pelican-umbrella-4417 would go to my office"));
    await tap(t, meera, "Money demand");
    await t.send(updates.text(meera, "Rs 15,000 to pelican4417@okhdfcbank"));
    await tap(t, meera, "Date");
    await t.send(updates.text(meera, "12/11/2026 8 pm first message from the account"));
    await t.send(updates.text(meera, "https://instagram.com/pelican_umbrella_4417"));
    t.answer("getFile", fileAnswer());
    await t.send(updates.photo(meera));

    await t.send(updates.command(meera, "report"));
    expect(methods(t)).toEqual(["sendMessage", "sendDocument", "sendMessage"]);
    const { bytes, name } = sentPdf(t);
    expect(name).toMatch(/^notes-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const text = squash(await pdfText(bytes));
    for (const expected of [
      FILE_SHA256,
      "pelican-umbrella-4417",
      "https://instagram.com/pelican_umbrella_4417",
      "pelican4417@okhdfcbank",
      "₹15,000",
      "12November2026",
      // Blackmail: extortion and intimidation, and the IT Act's sections on sending such material.
      "Bharatiya Nyaya Sanhita, 2023, sections 308, 351",
      "Information Technology Act, 2000, sections 67, 67A, 66D",
      "BNS section 308 (extortion)",
      "Iambeingblackmailedonline",
      "Thismaybeanoffenceunder",
      "Tele-MANAS",
      "14416",
    ]) {
      expect(text, expected).toContain(squash(expected));
    }
    expect(text).not.toContain("Meeratest");

    const complaint = t.last[2]!;
    const message = complaint.payload.text as string;
    const [entity] = complaint.payload.entities as { type: string; offset: number; length: number }[];
    expect(entity!.type).toBe("pre");
    const copyable = message.slice(entity!.offset, entity!.offset + entity!.length);
    expect(copyable.startsWith("I am being blackmailed online")).toBe(true);
    expect(copyable).toContain("- https://instagram.com/pelican_umbrella_4417");
    expect(copyable).toContain("Bharatiya Nyaya Sanhita, 2023, sections 308, 351");
    expect(copyable.endsWith("can provide it.")).toBe(true);
    expect(copyable).toContain("its SHA-256 fingerprint is in my report");
  });

  it("/report in Hindi: Devanagari text in the PDF, the same hashes and sections", async () => {
    const { t } = await botWithFiles();
    await tellWhatHappened(t, asha, /सबकी उम्र 18|everyone was 18 or older/);
    await t.send(updates.command(asha, "evidence"));
    await tap(t, asha, "नोट");
    await t.send(updates.text(asha, "उसने कहा कि वह तस्वीरें भेज देगा"));
    t.answer("getFile", fileAnswer());
    await t.send(updates.photo(asha));
    await t.send(updates.command(asha, "report"));
    const { bytes } = sentPdf(t);
    const text = squash(await pdfText(bytes));
    for (const expected of [FILE_SHA256, "308,351", "67,67A,66D", "14416", "1-800-891-4416", "cybercrime.gov.in"]) expect(text, expected).toContain(expected);
    // Hindi lines as written (the PDF's ActualText, which copy and paste use).
    const lines = actualText(bytes).join("\n");
    for (const expected of ["ऑनलाइन उत्पीड़न का रिकॉर्ड", "उसने कहा कि वह तस्वीरें भेज देगा", "मुझे ऑनलाइन ब्लैकमेल किया जा रहा है", "धारा 308, 351"]) {
      expect(lines, expected).toContain(expected);
    }
    expect(t.last.at(-1)!.payload.text as string).toContain("मुझे ऑनलाइन ब्लैकमेल किया जा रहा है");
  });

  it("when the PDF can't be sent, the person still gets the complaint text and a calm line", async () => {
    const { t } = await botWithFiles();
    await t.send(updates.command(meera, "start"));
    t.answer("sendDocument", { error_code: 500, description: "Internal Server Error" });
    await t.send(updates.command(meera, "report"));
    expect(methods(t)).toEqual(["sendMessage", "sendDocument", "sendMessage", "sendMessage"]);
    expect(t.last[2]!.payload.text).toContain("couldn't send the PDF just now");
    expect(t.last[3]!.payload.text).toContain("Complaint text, ready to paste");
    // Nothing was logged, so the complaint doesn't point to "the evidence listed above".
    expect(t.last[3]!.payload.text).not.toContain("listed above");
  });

  it("a distinctive note and link are in the report, never in the store as plaintext or in a log line, and gone after /forget", async () => {
    const { t } = await botWithFiles();
    const note = "zanzibar-walrus-90210 sent the threats";
    const link = "https://t.me/zanzibar_walrus_90210";
    await t.send(updates.command(meera, "evidence"));
    await tap(t, meera, "Note");
    await t.send(updates.text(meera, note));
    await t.send(updates.text(meera, link));
    await t.send(updates.command(meera, "report"));
    const text = squash(await pdfText(sentPdf(t).bytes));
    expect(text).toContain(squash(note));
    expect(text).toContain(squash(link));
    const haystack = [...t.store.dump().flat(), ...t.logs];
    // Words, and the id as a whole number: a short digit run can turn up inside any timestamp.
    for (const secret of ["zanzibar", "walrus", meera.first_name, meera.username!]) {
      expect(haystack.filter((h) => h.includes(secret))).toEqual([]);
    }
    expect(haystack.filter((h) => new RegExp(`(?<!\\d)${meera.id}(?!\\d)`).test(h))).toEqual([]);
    expect(t.logs.some((l) => l.includes("report rendered"))).toBe(true);
    await t.send(updates.command(meera, "forget"));
    await tap(t, meera, "Yes, erase everything");
    const keys = t.store.dump().map(([k]) => k);
    const hers = await personKeysOf("test-secret-test-secret-test-secret-0001", meera.id);
    expect(keys.filter((k) => hers.includes(k))).toEqual([]);
  });
});

describe("order in a quick chat", () => {
  it("a tap and the text typed right after it are taken in that order, even when they arrive together", async () => {
    const { t } = await botWithFiles();
    await t.send(updates.command(meera, "evidence"));
    const dateButton = t.screen().data[t.screen().labels.findIndex((l) => l.includes("Date"))]!;
    const onMessage = t.screen().messageId;
    // Both handled at once, as the runner does with one getUpdates batch.
    await Promise.all([t.bot.handleUpdate(updates.tap(meera, dateButton, onMessage)), t.bot.handleUpdate(updates.text(meera, "31/02/2026 first threat"))]);
    const shown = t.calls.filter((c) => c.method === "sendMessage" || c.method === "editMessageText").map((c) => c.payload.text as string);
    expect(shown.at(-1)).toContain("doesn't exist on the calendar");
  });
});
