import type { Api } from "grammy";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../src/conversation/machine.js";
import { COMMANDS, registerCommands } from "../../src/telegram/commands.js";
import { conversationDeps } from "../support/deps.js";

/** A stand-in for the Bot API's setMyCommands: what the menu would be, per language. */
function recordingApi(fail = false) {
  const menus: { language?: string; commands: { command: string; description: string }[] }[] = [];
  const api = {
    setMyCommands: async (commands: { command: string; description: string }[], other: { language_code?: string } = {}) => {
      if (fail) throw new Error("Bad Request");
      menus.push({ ...(other.language_code ? { language: other.language_code } : {}), commands });
      return true;
    },
  } as unknown as Api;
  return { api, menus };
}
const quiet = { warn: () => undefined } as never;

describe("the command menu", () => {
  it("is registered in every language, English as the default, each described in its own words", async () => {
    const { api, menus } = recordingApi();
    await registerCommands(api, conversationDeps().translate, quiet);
    expect(menus.map((m) => m.language ?? "default")).toEqual(["default", ...LOCALES.filter((l) => l !== "en")]);
    for (const menu of menus) {
      expect(menu.commands.map((c) => c.command)).toEqual([...COMMANDS]);
      for (const c of menu.commands) expect(c.description).not.toMatch(/^\{|undefined/);
    }
    const tamil = menus.find((m) => m.language === "ta")!;
    expect(tamil.commands.find((c) => c.command === "helplines")!.description).toMatch(/[\u0B80-\u0BFF]/);
  });

  it("gains /talk and /end when a counselling service is connected", async () => {
    const { api, menus } = recordingApi();
    await registerCommands(api, conversationDeps().translate, quiet, true);
    for (const menu of menus) expect(menu.commands.map((c) => c.command)).toEqual(expect.arrayContaining(["talk", "end"]));
  });

  it("a refused registration is logged, never fatal: typed commands still work", async () => {
    const { api } = recordingApi(true);
    const warned: string[] = [];
    await registerCommands(api, conversationDeps().translate, { warn: (_: object, m: string) => warned.push(m) } as never);
    expect(warned).toHaveLength(LOCALES.length);
  });
});
