import { afterAll, beforeAll } from "vitest";
import { startBot, type BotProcess } from "./bot-process.js";
import { startEmulator, type Emulator } from "./emulator.js";

export interface BotOnEmulator {
  emulator(): Emulator;
  bot(): BotProcess;
}

/**
 * The real bot (`src/main.ts` in a child process) polling a fresh Bot API emulator, for the tests
 * of one describe block. A bot that crashes or never polls fails every wait at once, with its output.
 */
export function botOnEmulator(waitMs: number, timeoutMs: number): BotOnEmulator {
  let emulator: Emulator | undefined;
  let bot: BotProcess | undefined;

  beforeAll(async () => {
    emulator = await startEmulator();
    const started = startBot({ apiRoot: emulator.apiRoot, token: emulator.token });
    bot = started;
    emulator.addFailFast(() => started.exitedMessage());
    emulator.addDiagnostics(() => started.describe());
    await emulator.waitForPolling(waitMs);
  }, timeoutMs);

  afterAll(async () => {
    await bot?.stop(5_000);
    await emulator?.stop();
  }, timeoutMs);

  return {
    emulator: () => {
      if (!emulator) throw new Error("emulator not started");
      return emulator;
    },
    bot: () => {
      if (!bot) throw new Error("bot not started");
      return bot;
    },
  };
}
