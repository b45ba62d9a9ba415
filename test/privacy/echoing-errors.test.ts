import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatVault } from "../../src/privacy/chat-vault.js";
import { createLogger } from "../../src/privacy/logger.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { createBot } from "../../src/telegram/bot.js";
import { conversationDeps } from "../support/deps.js";
import { startFakeBotApi, type FakeBotApi } from "../support/fake-bot-api.js";
import { botInfo, updates, type Person } from "../support/telegram.js";

/**
 * Telegram's error descriptions can repeat what was sent ("Bad Request: can't parse entities: …"),
 * and a short private chat id slipped under a 6-digit scrub. Here a Bot API that echoes the sent
 * text and chat id in every refusal, over several lines, meets a person with a 5-digit id: nothing
 * of them may reach a log line, while the operator still learns what failed.
 */

// 5 digits: short ids exist, and 6+ was all the old scrub caught.
const ila: Person = { id: 73_519, first_name: "Ilavarasi", username: "ila_echo_probe", language_code: "en" };
const TYPED = "my cousin Rohan took the photos"; // evidence-log kind of text

describe("a Bot API whose errors echo what was sent", () => {
  let api: FakeBotApi;
  const lines: string[] = [];

  beforeAll(async () => {
    api = await startFakeBotApi();
    const echo = (body: Record<string, unknown>) => ({
      error_code: 400,
      description: `Bad Request: can't parse entities in chat ${String(body.chat_id)}: ${String(body.text)}\nat line 2: ${String(body.text)}`,
    });
    api.fail("sendMessage", echo, 100);
    api.fail("editMessageText", echo, 100);
    const sink = new Writable({
      write(chunk: Buffer, _e, done) {
        lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
        done();
      },
    });
    const bot = createBot({
      ...conversationDeps(),
      vault: new ChatVault(new MemoryStore(), "echo-test-secret-echo-test-secret-0001", 3600),
      token: "42000002:ECHO_TOKEN_NOT_REAL_xxxxxxxxxxxxxx",
      apiRoot: api.apiRoot,
      logger: createLogger("debug", sink),
      botInfo,
    });
    await bot.handleUpdate(updates.command(ila, "start"));
    await bot.handleUpdate(updates.text(ila, TYPED));
  });
  afterAll(() => api.close());

  it("the operator reads the error code, the method and 'Bad Request'", () => {
    expect(api.callsOf("sendMessage").length).toBeGreaterThan(0);
    const failures = lines.map((l) => JSON.parse(l) as { msg: string; err?: { code?: number; method?: string; detail?: string } }).filter((l) => l.msg === "update failed");
    expect(failures.length).toBeGreaterThan(0);
    for (const f of failures) expect(f.err).toMatchObject({ code: 400, method: "sendMessage", detail: "Bad Request" });
  });

  it("no log line holds their id (as a whole number), name, username or what they typed", () => {
    expect(lines.length).toBeGreaterThan(0);
    const all = lines.join("\n");
    expect(all).not.toMatch(new RegExp(`(?<!\\d)${ila.id}(?!\\d)`));
    for (const needle of [ila.first_name, ila.username!, TYPED, "Rohan", "cousin", "can't parse"]) expect(all).not.toContain(needle);
  });
});
