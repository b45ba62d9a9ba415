import { Writable } from "node:stream";
import { GrammyError } from "grammy";
import { describe, expect, it } from "vitest";
import { createLogger, scrub } from "../../src/privacy/logger.js";

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: createLogger("debug", sink), lines };
}

describe("the logger", () => {
  it("drops Telegram objects and text even when code passes them by mistake", () => {
    const { log, lines } = capture();
    const from = { id: 918273645, first_name: "Zubeida", username: "zubeida_secret" };
    log.info({ update: { message: { text: "secret zebra" } }, from, chat: { id: 918273645 }, ctx: { text: "secret zebra", chat_id: 918273645 } }, "oops");
    const out = lines.join("");
    for (const needle of ["918273645", "Zubeida", "zubeida_secret", "secret zebra"]) expect(out).not.toContain(needle);
    expect(out).toContain("oops");
  });

  it("reduces a grammY error to its code and method: the payload (chat id, text) never reaches the log", () => {
    const { log, lines } = capture();
    const error = new GrammyError("Call to 'sendMessage' failed!", { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" }, "sendMessage", {
      chat_id: 918273645,
      text: "secret zebra",
    });
    log.error({ err: error }, "failed");
    const out = lines.join("");
    expect(out).toContain("403");
    expect(out).not.toContain("918273645");
    expect(out).not.toContain("secret zebra");
  });

  it("keeps only the part of Telegram's description before its first colon (the rest can echo what was sent)", () => {
    const { log, lines } = capture();
    const error = new GrammyError("Call to 'sendMessage' failed! (400: Bad Request: can't parse entities: secret zebra)", { ok: false, error_code: 400, description: "Bad Request: can't parse entities: secret zebra in 73519" }, "sendMessage", {});
    log.error({ err: error }, "failed");
    const line = JSON.parse(lines.join("")) as { err: Record<string, unknown> };
    expect(line.err).toMatchObject({ code: 400, method: "sendMessage", detail: "Bad Request" });
    expect(lines.join("")).not.toMatch(/zebra|73519|parse entities/);
  });

  it("builds a stack only from its 'at …' frames: a multi-line message is not copied into it", () => {
    const { log, lines } = capture();
    log.error({ err: new Error("could not send\nsecret zebra on line two\nchat 73519") }, "failed");
    const line = JSON.parse(lines.join("")) as { err: { stack: string; detail: string } };
    expect(line.err.detail).toBe("could not send");
    expect(line.err.stack.split("\n").every((l) => /^\s+at /.test(l))).toBe(true);
    expect(lines.join("")).not.toMatch(/zebra|73519/);
  });

  it("scrubs bot tokens and long digit runs out of error text", () => {
    expect(scrub("GET https://api.telegram.org/file/bot123456789:AAEhBOweik9ai2o4s7bV3b1_tok/photos/x.jpg")).not.toContain("AAEhBOweik9ai2o4s7bV3b1_tok");
    expect(scrub("chat 918273645 not found")).toBe("chat [n] not found");
    expect(scrub("chat 73519 not found")).toBe("chat [n] not found"); // short private chat ids exist
    expect(scrub("error 400 at line 1234")).toBe("error 400 at line 1234");
  });
});
