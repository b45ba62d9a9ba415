/**
 * src/deps.ts as the bots load it (src/app.ts): the crisis check built after start or on the first
 * text, the bot's own bare commands answered without it, and a check that cannot be built reported
 * with the problem, not silently skipped.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { OWN_COMMANDS } from "../src/app.js";
import { loadConversationDeps, ROOT } from "../src/deps.js";
import { conversationDeps } from "./support/deps.js";
import { CrisisModelError } from "../src/conversation/crisis-check.js";

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe("the crisis check, loaded lazily", () => {
  const eager = conversationDeps();
  const lazy = loadConversationDeps(ROOT, { lazyCrisisCheck: true, ownCommands: OWN_COMMANDS });

  it("the check itself finds no crisis in a bare command of the bot's (so answering them without it changes nothing)", () => {
    expect(OWN_COMMANDS).toContain("start");
    for (const name of OWN_COMMANDS) {
      for (const text of [`/${name}`, `/${name}@nyf_fake_bot`]) {
        expect(eager.detectCrisis(text), text).toBeUndefined();
        expect(lazy.detectCrisis(text), text).toBeUndefined();
      }
    }
  });

  it("answers exactly as the eager check, built on the first text that needs it", () => {
    const texts = [
      "I want to die",
      "मरना चाहती हूँ",
      "mujhe mar jaana hai",
      "he is outside my door",
      "/start I want to die",
      "/suicide",
      "/start now",
      "what should I do now?",
      "thank you",
    ];
    for (const text of texts) expect(lazy.detectCrisis(text), text).toEqual(eager.detectCrisis(text));
    expect(lazy.detectCrisis("I want to die")).toBeDefined();
    expect(lazy.detectCrisis("/start I want to die")).toBeDefined();
  });

  it("a crisis model file that is missing or corrupt: the lazy load starts without it, and building the check names the file", () => {
    for (const damage of ["missing", "corrupt"] as const) {
      const root = mkdtempSync(join(tmpdir(), "nyf-deps-"));
      temps.push(root);
      cpSync(join(ROOT, "flows"), join(root, "flows"), { recursive: true });
      cpSync(join(ROOT, "locales"), join(root, "locales"), { recursive: true });
      const model = join(root, "flows", "crisis-model.json");
      if (damage === "missing") rmSync(model);
      else writeFileSync(model, readFileSync(model, "utf8").replace('"weights":"', '"weights":"!'));
      const deps = loadConversationDeps(root, { lazyCrisisCheck: true, ownCommands: OWN_COMMANDS });
      expect(deps.detectCrisis("/start")).toBeUndefined();
      expect(() => deps.prepareCrisisCheck(), damage).toThrow(CrisisModelError);
      expect(() => deps.prepareCrisisCheck(), damage).toThrow(/crisis-model\.json/);
      expect(() => loadConversationDeps(root), damage).toThrow(CrisisModelError);
    }
  });

  it("a check that cannot be built: the lazy load starts, and building it says why", () => {
    const root = mkdtempSync(join(tmpdir(), "nyf-deps-"));
    temps.push(root);
    cpSync(join(ROOT, "flows"), join(root, "flows"), { recursive: true });
    cpSync(join(ROOT, "locales"), join(root, "locales"), { recursive: true });
    const terms = join(root, "flows", "crisis-terms.yaml");
    const text = readFileSync(terms, "utf8");
    const broken = text.replace('- "@want to be? @dead"', '- "@want to be? @no_such_class"');
    expect(broken).not.toBe(text);
    writeFileSync(terms, broken);
    expect(() => loadConversationDeps(root)).toThrow(/no_such_class/);
    const deps = loadConversationDeps(root, { lazyCrisisCheck: true, ownCommands: OWN_COMMANDS });
    expect(deps.detectCrisis("/start")).toBeUndefined();
    expect(() => deps.prepareCrisisCheck()).toThrow(/no_such_class/);
    expect(() => deps.detectCrisis("I want to die")).toThrow(/no_such_class/);
  });
});
