import { describe, expect, it } from "vitest";
import type { ConversationEvent } from "../../src/conversation/machine.js";
import { decodeButton, encodeButton, MAX_CALLBACK_BYTES } from "../../src/telegram/callback-data.js";

describe("callback data", () => {
  const events: ConversationEvent[] = [
    { type: "BEGIN" },
    { type: "CHOOSE", value: "hidden-camera" },
    { type: "TOGGLE", value: "adult-site" },
    { type: "GOTO", value: "reporting" },
    { type: "SET_LOCALE", value: "hi" },
    { type: "CONFIRM_FORGET" },
  ];

  it.each(events)("round-trips $type within 64 bytes", (event) => {
    const data = encodeButton("evidence.step#12", event);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
    expect(decodeButton(data)).toEqual({ screen: "evidence.step#12", event });
  });

  it.each([undefined, "", "0|welcome|b", "2|welcome|b", "1|welcome", "1|welcome|?", "1|welcome|b|extra", "1|welcome|c", "1|we lcome|b", "1|x|c|a b", "x".repeat(65), "1|welcome|c|v|w"])(
    "refuses %s",
    (data) => {
      expect(decodeButton(data)).toBeUndefined();
    },
  );

  it("refuses to build data over Telegram's limit", () => {
    expect(() => encodeButton("x".repeat(70), { type: "BEGIN" })).toThrow(/64 bytes/);
  });
});
